using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data;

/// <summary>
/// One account's changes to what it is — a counsellor, or a member of spaces — happen one at a time
/// (ADR 55). Each such change checks what the others write (a counsellor has no space; a person has at
/// most <see cref="Hearth.Core.Spaces.SpaceRules.MaxOpenSpacesPerPerson"/> open spaces), so two requests
/// from one account at the same moment could otherwise both pass their check.
/// </summary>
public static class AccountLock
{
    /// <summary>
    /// Takes the lock: a no-op update of the account's own row, which PostgreSQL holds as a row lock
    /// until the transaction ends. SQLite's transactions already begin with the database's write lock
    /// (BEGIN IMMEDIATE); the update costs nothing there. Call it as the first statement of the
    /// transaction, and do the checks and the writes after it, inside the same transaction.
    /// </summary>
    public static async Task TakeAsync(HearthDbContext db, Guid userId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("AccountLock.TakeAsync needs an open transaction: the lock lasts until it ends.");
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, u => u.CreatedAt), ct);
    }
}
