using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Security;

/// <summary>
/// The spaces the current person may see in this request: open spaces where they are an active
/// member, read from the database on every request (so leaving takes effect on the very next one).
/// The database query filters read <see cref="SpaceIds"/>; until it is loaded it is empty and so
/// nothing space-scoped is visible (fail closed).
/// </summary>
public sealed class SpaceScope
{
    private List<Guid> spaceIds = [];

    public IReadOnlyList<Guid> SpaceIds => spaceIds;

    public bool IsLoaded { get; private set; }

    public async Task LoadAsync(Data.HearthDbContext db, Guid userId, CancellationToken ct = default)
    {
        spaceIds = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == userId && m.LeftAt == null && m.Space!.ClosedAt == null)
            .Select(m => m.SpaceId)
            .ToListAsync(ct);
        IsLoaded = true;
    }

    /// <summary>The spaces as read together with the session (SessionStore.IsLiveAsync): the same rule, one query fewer.</summary>
    public void Use(List<Guid> ids)
    {
        spaceIds = ids;
        IsLoaded = true;
    }

    /// <summary>
    /// Lets this request's queries see one more space until the result is disposed. Only for a
    /// counsellor's pair-level insights (ADR 50 §2): after CounsellorViewService checked the role, the
    /// grant, both consents, expiry and that both are still in the open space, it computes what the
    /// members' own insight code computes for them both, over that one space, and nothing else.
    /// </summary>
    public IDisposable Admit(Guid spaceId)
    {
        var before = spaceIds;
        if (!before.Contains(spaceId))
        {
            spaceIds = [.. before, spaceId];
        }

        return new Restore(this, before);
    }

    private sealed class Restore(SpaceScope scope, List<Guid> before) : IDisposable
    {
        public void Dispose() => scope.spaceIds = before;
    }

    /// <summary>After a change of membership within the same request (create, join, leave).</summary>
    public Task ReloadAsync(Data.HearthDbContext db, Guid userId, CancellationToken ct = default) => LoadAsync(db, userId, ct);
}
