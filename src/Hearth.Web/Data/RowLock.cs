using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data;

/// <summary>
/// Rules about many rows that must hold for requests sent at the same moment (ADR 55). Each check
/// reads what other requests write, so two requests could both pass it; these locks make them take
/// turns. Each is a no-op update of one row, which PostgreSQL holds as a row lock until the
/// transaction ends. SQLite's transactions already begin with the database's write lock
/// (Microsoft.Data.Sqlite begins them IMMEDIATE), so there the update costs nothing.
/// Take the lock as the first statement of a transaction (on SQLite a read before the first write
/// can fail with SQLITE_BUSY_SNAPSHOT), then check and write inside the same transaction. When both
/// are needed, the account's lock comes first.
/// </summary>
public static class RowLock
{
    /// <summary>
    /// The account's lock, for what the account is: a counsellor has no space of their own, and a
    /// person has at most <see cref="Hearth.Core.Spaces.SpaceRules.MaxOpenSpacesPerPerson"/> open spaces.
    /// </summary>
    public static async Task AccountAsync(HearthDbContext db, Guid userId, CancellationToken ct)
    {
        RequireTransaction(db);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, u => u.CreatedAt), ct);
    }

    /// <summary>The space's lock, for who is in it: two members at most, and one live invitation link.</summary>
    public static async Task SpaceAsync(HearthDbContext db, Guid spaceId, CancellationToken ct)
    {
        RequireTransaction(db);
        await db.Spaces.IgnoreQueryFilters().Where(s => s.Id == spaceId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, x => x.CreatedAt), ct);
    }

    private static void RequireTransaction(HearthDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock needs an open transaction: it lasts until the transaction ends.");
        }
    }
}
