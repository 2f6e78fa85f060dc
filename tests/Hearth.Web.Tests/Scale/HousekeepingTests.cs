using System.Net;
using Hearth.Web.Background;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Scale;

/// <summary>
/// Housekeeping on the test clock: it removes idle sessions and long-finished invitations, keeps
/// what is live, and runs once per slot however many instances (here: scopes) ask for the same slot.
/// </summary>
public abstract class HousekeepingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Housekeeping_removes_what_outlived_its_use_once_per_slot()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        await ana.InviteAsync(spaceId);
        var now = factory.Clock.GetUtcNow();
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == ana.Email).Select(u => u.Id).SingleAsync());
        var idleSession = Guid.NewGuid();
        var oldInvitation = Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            db.UserSessions.Add(new UserSession { Id = idleSession, UserId = userId, CreatedAt = now.AddDays(-3), LastSeenAt = now.AddDays(-3), ClientLabel = "Old device" });
            db.Invitations.Add(new Invitation { Id = oldInvitation, SpaceId = spaceId, InviterUserId = userId, CreatedAt = now.AddDays(-40), ExpiresAt = now.AddDays(-33), RevokedAt = now.AddDays(-39) });
            return await db.SaveChangesAsync();
        });

        var interval = TimeSpan.FromMinutes(15);
        var slot = Housekeeping.SlotOf(now, interval);
        Assert.Equal(TimeSpan.Zero, TimeSpan.FromTicks((slot - DateTimeOffset.UnixEpoch).Ticks % interval.Ticks));
        Assert.True(slot <= now && now < slot + interval);

        Assert.Equal(SlotOutcome.Ran, await RunAsync(slot, "first"));
        Assert.Equal(SlotOutcome.AlreadyDone, await RunAsync(slot, "second"));

        var (sessions, invitations, runs) = await factory.WithDbAsync(async db => (
            await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(),
            await db.Invitations.All().Where(i => i.SpaceId == spaceId).Select(i => i.Id).ToListAsync(),
            await db.Set<BackgroundRun>().Where(r => r.Job == Housekeeping.Job).ToListAsync()));
        Assert.DoesNotContain(idleSession, sessions);
        Assert.Single(sessions);
        Assert.DoesNotContain(oldInvitation, invitations);
        Assert.Single(invitations);
        var run = Assert.Single(runs);
        Assert.Equal(("first", slot, 2), (run.Instance, run.SlotStart, run.ItemsRemoved));
        Assert.NotNull(run.FinishedAt);

        // The live session and the live invitation still work.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        Assert.True((await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}")).TryGetProperty("pendingInvitation", out var pending) && pending.ValueKind != System.Text.Json.JsonValueKind.Null);

        // Many asking for the next slot at once: exactly one runs it.
        var next = slot + interval;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => RunAsync(next, $"racer-{i}")));
        Assert.Single(outcomes, o => o == SlotOutcome.Ran);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<BackgroundRun>().CountAsync(r => r.Job == Housekeeping.Job)));
    }

    private Task<SlotOutcome> RunAsync(DateTimeOffset slot, string instance) => RunSlotAsync(factory, slot, instance);

    /// <summary>One instance's attempt at a slot, as the background service makes it.</summary>
    internal static async Task<SlotOutcome> RunSlotAsync(HearthFactory factory, DateTimeOffset slot, string instance)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunSlotAsync(slot, instance);
    }
}

public sealed class HousekeepingOnSqlite(SqliteHearthFactory factory) : HousekeepingTests<SqliteHearthFactory>(factory);

public sealed class HousekeepingOnPostgres(PostgresHearthFactory factory) : HousekeepingTests<PostgresHearthFactory>(factory);

/// <summary>Its own database: the runs it records would disturb the counts of the test above.</summary>
[Slow("writes and removes a wave of expired sessions larger than one run")]
public abstract class HousekeepingWaveTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task A_wave_of_expired_sessions_is_removed_over_several_slots_a_bounded_batch_at_a_time()
    {
        factory.RequireAvailable();
        var ben = await Person.RegisterAsync(factory);
        var now = factory.Clock.GetUtcNow();
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == ben.Email).Select(u => u.Id).SingleAsync());
        var wave = Housekeeping.RowsPerRun + 250;
        await factory.WithDbAsync(async db =>
        {
            db.UserSessions.AddRange(Enumerable.Range(0, wave).Select(i => new UserSession
            {
                Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now.AddDays(-2), LastSeenAt = now.AddDays(-2).AddSeconds(i), ClientLabel = "Old device",
            }));
            return await db.SaveChangesAsync();
        });
        var idleBefore = now.AddMinutes(-new HearthOptions().Security.IdleTimeoutMinutes);
        Task<int> IdleAsync() => factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.LastSeenAt < idleBefore));
        var idle = await IdleAsync();
        Assert.True(idle >= wave);

        var interval = TimeSpan.FromMinutes(15);
        var slot = Housekeeping.SlotOf(now, interval);
        Assert.Equal(SlotOutcome.Ran, await RunAsync(slot, "first"));
        Assert.Equal(idle - Housekeeping.RowsPerRun, await IdleAsync());
        Assert.Equal(SlotOutcome.Ran, await RunAsync(slot + interval, "second"));
        Assert.Equal(0, await IdleAsync());

        // Ben's own session was never idle and still works.
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
    }

    private Task<SlotOutcome> RunAsync(DateTimeOffset slot, string instance) => HousekeepingTests<TFactory>.RunSlotAsync(factory, slot, instance);
}

public sealed class HousekeepingWaveOnSqlite(SqliteHearthFactory factory) : HousekeepingWaveTests<SqliteHearthFactory>(factory);

public sealed class HousekeepingWaveOnPostgres(PostgresHearthFactory factory) : HousekeepingWaveTests<PostgresHearthFactory>(factory);

/// <summary>The hosted service itself: it wakes up on its own and runs each slot of the (test) clock once.</summary>
public sealed class HousekeepingServiceTests
{
    [Fact]
    public async Task The_service_runs_each_slot_of_the_clock_once_on_its_own()
    {
        await using var factory = new BackgroundFactory();
        _ = factory.Services;

        await WaitForRunsAsync(factory, 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several more wake-ups, same slot on the test clock: nothing new
        Assert.Equal(1, await RunCountAsync(factory));

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await WaitForRunsAsync(factory, 2);
        var runs = await factory.WithDbAsync(db => db.Set<BackgroundRun>().OrderBy(r => r.SlotStart).ToListAsync());
        Assert.Equal([HearthFactory.Start, HearthFactory.Start.AddSeconds(2)], runs.Select(r => r.SlotStart));
        Assert.All(runs, r => Assert.Equal("solo", r.Instance));
    }

    private static Task<int> RunCountAsync(HearthFactory factory) =>
        factory.WithDbAsync(db => db.Set<BackgroundRun>().CountAsync());

    private static async Task WaitForRunsAsync(HearthFactory factory, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await RunCountAsync(factory) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"housekeeping did not reach {count} run(s) within 20 seconds");
            await Task.Delay(100);
        }
    }

    private sealed class BackgroundFactory : SqliteHearthFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hearth:Background:Enabled", "true");
            builder.UseSetting("Hearth:Background:HousekeepingIntervalSeconds", "1");
            builder.UseSetting("Hearth:InstanceName", "solo");
        }
    }
}
