using CsCheck;
using Hearth.Core.Spaces;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Security;

/// <summary>
/// On SQLite the session is read by a statement kept prepared (SqliteSessionReads, ADR 53); on
/// PostgreSQL through EF Core. Both state one rule: the session by its key and its user, the member's
/// language, and the open spaces they have not left. Generated worlds (sessions of other people, left
/// memberships, closed spaces, unknown keys) must get the same answer from both, or a member could be
/// let into a space on one database and not on the other.
/// </summary>
public sealed class SessionReadsAgreeTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private enum Member
    {
        None,
        Active,
        Left,
    }

    private sealed record World(string?[] Languages, (bool Closed, Member[] Members)[] Spaces, (int Owner, long Ticks, bool Confirm)[] Sessions);

    [Fact]
    public async Task The_prepared_read_and_the_EF_read_agree_on_every_generated_world()
    {
        var people = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            await Person.RegisterAsync(factory, $"P{i}", signIn: false);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
            people.AddRange(await db.Users.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync());
        }

        var language = Gen.Int[0, 2].Select(i => new string?[] { null, "de", "en" }[i]);
        var member = Gen.Enum<Member>();
        var space = Gen.Select(Gen.Bool, member.Array[people.Count]);
        var session = Gen.Select(Gen.Int[0, people.Count - 1], Gen.Long[HearthFactory.Start.UtcTicks - TimeSpan.TicksPerDay, HearthFactory.Start.UtcTicks], Gen.Bool);
        var world = Gen.Select(language.Array[people.Count], space.Array[0, 5], session.Array[0, 5], (l, s, x) => new World(l, s, x));
        var reads = factory.Services.GetRequiredService<SqliteSessionReads>();
        var checkedReads = 0;
        var found = 0;

        await world.SampleAsync(async w =>
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
            await db.UserSessions.IgnoreQueryFilters().ExecuteDeleteAsync();
            await db.Spaces.IgnoreQueryFilters().ExecuteDeleteAsync();
            for (var i = 0; i < people.Count; i++)
            {
                var id = people[i];
                var lang = w.Languages[i];
                await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, lang));
            }

            foreach (var (closed, members) in w.Spaces)
            {
                var spaceId = Guid.CreateVersion7();
                db.Spaces.Add(new Space { Id = spaceId, Kind = RelationshipKind.Romantic, CreatedByUserId = people[0], CreatedAt = HearthFactory.Start, ClosedAt = closed ? HearthFactory.Start : null });
                for (var i = 0; i < people.Count; i++)
                {
                    if (members[i] != Member.None)
                    {
                        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), SpaceId = spaceId, UserId = people[i], JoinedAt = HearthFactory.Start, LeftAt = members[i] == Member.Left ? HearthFactory.Start : null });
                    }
                }
            }

            var sessions = w.Sessions.Select(s => new UserSession { Id = Guid.CreateVersion7(), UserId = people[s.Owner], CreatedAt = HearthFactory.Start, LastSeenAt = new DateTimeOffset(s.Ticks, TimeSpan.Zero), NeedsConfirmation = s.Confirm, ClientLabel = "Test" }).ToList();
            db.UserSessions.AddRange(sessions);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            // Every session with every person (its own and the others'), and a key nobody has.
            foreach (var sessionId in sessions.Select(s => s.Id).Append(Guid.NewGuid()))
            {
                foreach (var userId in people)
                {
                    var expected = await SessionStore.ReadWithEfAsync(db, sessionId, userId, CancellationToken.None);
                    var actual = reads.Read(sessionId, userId);
                    checkedReads++;
                    found += actual is null ? 0 : 1;
                    Assert.Equal(Describe(expected), Describe(actual));
                }
            }
        }, iter: 60, threads: 1);

        Assert.True(checkedReads > 100, $"only {checkedReads} reads compared");
        Assert.True(found > 10, $"only {found} sessions found: the worlds are not being read");
    }

    [Fact]
    public async Task The_prepared_read_finds_the_session_and_the_memberships_by_index()
    {
        await Person.RegisterAsync(factory, "Ana");
        await using var connection = new SqliteConnection($"Data Source={factory.SqliteFile};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteSessionReads.Sql;
        command.Parameters.AddWithValue("$session", "x");
        command.Parameters.AddWithValue("$user", "x");
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("SEARCH m USING INDEX", StringComparison.Ordinal) && s.Contains("UserId=?", StringComparison.Ordinal));
    }

    private static string Describe(SessionRow? row) => row is null
        ? "(none)"
        : $"{row.LastSeenAt.UtcTicks} {row.NeedsConfirmation} {row.Language ?? "(no language)"} [{string.Join(",", row.SpaceIds.Order())}]";
}
