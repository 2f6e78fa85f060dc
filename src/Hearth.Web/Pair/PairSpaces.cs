using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Pair;

/// <summary>
/// The first wall for every daily feature: the caller's own active membership of an open space.
/// One request often asks several features about the same space (the pair dashboard asks five), so
/// the answer is kept for the rest of the request — and forgotten as soon as anything is saved through
/// the request's database context, so a request that changes the space or its settings reads afresh.
/// </summary>
public sealed class PairSpaces(HearthDbContext db, CurrentMember current, TimeProvider clock)
{
    private readonly RequestMemo<Guid, PairSpace?> seen = new(db);

    // One round trip: the space (through the membership filter), its members with their own clocks,
    // the caller's membership (for the space page's label), the pair's settings, the starter's zone
    // (the calendar when none is set) and the weekly ritual. It was six (with SpaceService's and the
    // ritual's own); every daily feature and the pair dashboard start here. Compiled once: building
    // and hashing this expression tree on every request was a measurable part of the dashboard's CPU
    // (docs/performance.md, fix 21). The space filter still applies (it reads the context it runs on).
    // A compiled query belongs to one model, and each provider has its own: one per context type.
    private static Task<PairRow?> ReadPair(HearthDbContext db, Guid spaceId, Guid me, CancellationToken ct) => db switch
    {
        SqliteHearthDbContext sqlite => Compiled<SqliteHearthDbContext>.ReadPair(sqlite, spaceId, me, ct),
        PostgresHearthDbContext postgres => Compiled<PostgresHearthDbContext>.ReadPair(postgres, spaceId, me, ct),
        _ => throw new NotSupportedException($"No compiled pair query for {db.GetType().Name}."),
    };

    private static class Compiled<TContext>
        where TContext : HearthDbContext
    {
        public static readonly Func<TContext, Guid, Guid, CancellationToken, Task<PairRow?>> ReadPair =
            EF.CompileAsyncQuery((TContext db, Guid spaceId, Guid me, CancellationToken ct) => db.Spaces
                .Where(s => s.Id == spaceId && s.ClosedAt == null && s.Memberships.Any(m => m.UserId == me && m.LeftAt == null))
                .Select(s => new PairRow(
                    s.Kind,
                    s.Memberships
                        .Where(m => m.LeftAt == null)
                        .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
                        .Select(m => new PairMemberRow(m.Id, m.UserId, m.User!.DisplayName, m.User.TimeZoneId, m.UserId == me ? m.LabelCiphertext : null))
                        .ToList(),
                    db.Set<SpaceSettings>().Where(x => x.SpaceId == s.Id).Select(x => (bool?)x.LivingApart).FirstOrDefault(),
                    db.Set<SpaceSettings>().Where(x => x.SpaceId == s.Id).Select(x => x.TimeZoneId).FirstOrDefault(),
                    db.Set<SpaceSettings>().Where(x => x.SpaceId == s.Id).Select(x => (int?)x.DailyGoalMinutes).FirstOrDefault(),
                    db.Users.Where(u => u.Id == s.CreatedByUserId).Select(u => u.TimeZoneId).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => (int?)r.Day).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => (int?)r.MinuteOfDay).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => r.TimeZoneId).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => (DateTimeOffset?)r.UpdatedAt).FirstOrDefault()))
                .FirstOrDefault());
    }

    private sealed record PairMemberRow(Guid Id, Guid UserId, string DisplayName, string? TimeZoneId, byte[]? Label);

    private sealed record PairRow(
        RelationshipKind Kind,
        List<PairMemberRow> Members,
        bool? LivingApart,
        string? Zone,
        int? GoalMinutes,
        string? StarterZone,
        int? RitualDay,
        int? RitualMinute,
        string? RitualZone,
        DateTimeOffset? RitualUpdatedAt);

    /// <summary>The space if the caller is an active member and it is open; otherwise null (answer "not found").</summary>
    public Task<PairSpace?> OpenAsync(Guid spaceId, CancellationToken ct = default) => seen.GetAsync(spaceId, ReadAsync, ct);

    /// <summary>
    /// The ritual row of a space the caller may use: read with the pair itself (once a request), not
    /// tracked: do not change it. Null when there is none or the caller may not use the space.
    /// </summary>
    public async Task<SpaceRitual?> RitualAsync(Guid spaceId, CancellationToken ct = default) =>
        (await OpenAsync(spaceId, ct))?.Ritual;

    /// <summary>
    /// The space as its member <paramref name="memberId"/> sees it, not cached; for a counsellor's
    /// pair-level view only, after the counsellor's own checks (CounsellorViewService), and within the
    /// space filter (see <see cref="SpaceScope.Admit"/>).
    /// </summary>
    internal Task<PairSpace?> AsMemberAsync(Guid spaceId, Guid memberId, CancellationToken ct = default) => ReadAsync(spaceId, memberId, ct);

    private Task<PairSpace?> ReadAsync(Guid spaceId, CancellationToken ct) => ReadAsync(spaceId, current.RequireUserId(), ct);

    private async Task<PairSpace?> ReadAsync(Guid spaceId, Guid me, CancellationToken ct)
    {
        var row = await ReadPair(db, spaceId, me, ct);
        if (row is null)
        {
            return null;
        }

        var members = row.Members;
        var mine = members.FirstOrDefault(m => m.UserId == me);
        var other = members.FirstOrDefault(m => m.UserId != me);
        var zone = row.Zone ?? row.StarterZone;
        var goal = DailyGoal.Create(row.GoalMinutes ?? DailyGoal.DefaultMinutes);
        return new PairSpace(
            spaceId,
            row.Kind,
            me,
            other?.UserId,
            other?.DisplayName,
            members.Count == 0 || members[0].UserId == me,
            row.LivingApart ?? false,
            TimeZones.IsKnown(zone) ? zone! : TimeZones.Default,
            goal.IsOk ? goal.Value : DailyGoal.Default,
            Instant.FromDateTimeOffset(clock.GetUtcNow()))
        {
            MyTimeZoneId = mine?.TimeZoneId ?? TimeZones.Default,
            OtherTimeZoneId = other?.TimeZoneId,
            MyMembershipId = mine?.Id ?? Guid.Empty,
            MyLabelCiphertext = mine?.Label,
            Members = members.Select(m => (m.UserId, m.DisplayName)).ToList(),
            Ritual = row.RitualDay is { } day
                ? new SpaceRitual { SpaceId = spaceId, Day = day, MinuteOfDay = row.RitualMinute ?? 0, TimeZoneId = row.RitualZone ?? TimeZones.Default, UpdatedAt = row.RitualUpdatedAt ?? default }
                : null,
        };
    }
}
