using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.AccountSecurity;

/// <summary>The person's own signed-in devices: see them, and end any of them at once.</summary>
public sealed class SessionService(HearthDbContext db, CurrentMember current)
{
    public async Task<IReadOnlyList<SessionView>> ListAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var mine = current.SessionId;
        var rows = await db.UserSessions.AsNoTracking().Where(s => s.UserId == me).ToListAsync(ct);
        return rows
            .OrderByDescending(s => s.Id == mine)
            .ThenByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, s.ClientLabel, s.CreatedAt, s.LastSeenAt, s.Id == mine))
            .ToList();
    }

    /// <summary>Ends one of the person's sessions. Someone else's session id answers like a missing one.</summary>
    public async Task<Outcome<Done>> EndAsync(Guid sessionId, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var ended = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == me).ExecuteDeleteAsync(ct);
        return ended == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
    }

    /// <summary>Ends every session but this one.</summary>
    public async Task<int> EndOthersAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var mine = current.SessionId;
        return await db.UserSessions.Where(s => s.UserId == me && s.Id != mine).ExecuteDeleteAsync(ct);
    }
}
