using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// What deleting an account does, once whoever asks has been checked: by the person themselves
/// (<see cref="AccountDeletionService"/>, their passphrase again) or by the operator at the owner's
/// request (`hearth users remove`, Features/Operations). One transaction, then the key file is
/// destroyed (crypto-shredding) and SQLite's WAL emptied. See <see cref="AccountDeletionService"/>.
/// </summary>
public sealed class AccountErasure(HearthDbContext db, IEnumerable<IPersonalDataKind> kinds, TimeProvider clock, Data.Encryption.MemberKeyring keyring)
{
    public async Task EraseAsync(Guid me, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // 1. Every open space closes for the other person, exactly as when leaving: under the
            //    account's lock, then each space's in the order of their ids (ADR 55).
            await RowLock.AccountAsync(db, me, ct);
            var memberships = await db.Memberships.IgnoreQueryFilters().Include(m => m.Space).Where(m => m.UserId == me).OrderBy(m => m.SpaceId).ToListAsync(ct);
            foreach (var membership in memberships)
            {
                await SpaceClosing.CloseAsync(db, membership.Space!, now, ct);
            }

            await db.SaveChangesAsync(ct);

            // 2. Everything the person authored, kind by kind.
            foreach (var kind in kinds)
            {
                await kind.EraseAsync(me, ct);
            }

            // 3. Spaces nobody else was ever in go entirely (with everything in them). The others stay,
            //    closed, holding only the other person's own data, and no longer name the deleted person.
            var spaceIds = memberships.Select(m => m.SpaceId).ToList();
            var shared = await db.Memberships.IgnoreQueryFilters()
                .Where(m => spaceIds.Contains(m.SpaceId) && m.UserId != me)
                .Select(m => m.SpaceId)
                .Distinct()
                .ToListAsync(ct);
            var alone = spaceIds.Except(shared).ToList();
            await db.Spaces.IgnoreQueryFilters().Where(s => alone.Contains(s.Id)).ExecuteDeleteAsync(ct);
            await db.Spaces.IgnoreQueryFilters().Where(s => s.CreatedByUserId == me).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedByUserId, Guid.Empty), ct);
            await db.Invitations.IgnoreQueryFilters().Where(i => i.InviterUserId == me).ExecuteDeleteAsync(ct);
            await db.Invitations.IgnoreQueryFilters().Where(i => i.AcceptedByUserId == me).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedByUserId, (Guid?)null), ct);

            // 4. Crypto-shredding: without this key nothing they wrote decrypts, in backups too.
            await db.MemberKeys.Where(k => k.UserId == me).ExecuteDeleteAsync(ct);

            // 5. Sessions, memberships and the account itself (Identity's own rows cascade with it).
            await db.UserSessions.Where(s => s.UserId == me).ExecuteDeleteAsync(ct);
            await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == me).ExecuteDeleteAsync(ct);
            await db.Users.Where(u => u.Id == me).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }

        // The key file goes only once the deletion committed (a rolled-back deletion loses nothing).
        // No copy of it was ever in the database (docs/adr/0010-member-keys-outside-the-database.md).
        keyring.DestroyFile(me);
        if (db.Database.IsSqlite())
        {
            // secure_delete (SqliteConnectionSettings) zeroed the deleted rows in the pages; this copies those
            // pages into the database file and empties the WAL, so no older copy of a page stays behind in it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None);
        }
    }
}
