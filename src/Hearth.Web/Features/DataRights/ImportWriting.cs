using System.Text.Json;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>Writes a checked import (<see cref="ImportCheck"/>) into the importer's new spaces.</summary>
internal sealed class ImportWriting(HearthDbContext db, SpaceScope scope, FieldCipher cipher, TimeProvider clock, IStringLocalizer<DataRightsText> text)
{
    /// <summary>
    /// Writes in short transactions (issue Trust, item 10), so other people's writes go through in
    /// between instead of waiting for the whole file. It stays all or nothing for the importer: the
    /// spaces and everything in them are written first without memberships, so nobody can see or
    /// use them (every read goes through the reader's memberships); the last, short transaction adds
    /// the memberships and the account's name and zone. If anything fails, the new spaces are
    /// deleted (their rows go with them).
    /// </summary>
    public async Task<Outcome<ImportSummary>> WriteAsync(Guid me, ExportDocument document, List<ImportCheck.SpacePlan> plans, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = new List<Guid>();
        var memberships = new List<Membership>();
        try
        {
            foreach (var plan in plans)
            {
                var s = plan.Space;
                var space = new Space
                {
                    Id = Guid.CreateVersion7(),
                    Kind = plan.Kind,
                    CreatedByUserId = me,
                    CreatedAt = s.JoinedAt,
                    ClosedAt = plan.Closed ? s.LeftAt ?? now : null,
                };
                var membership = new Membership { Id = Guid.CreateVersion7(), SpaceId = space.Id, UserId = me, JoinedAt = s.JoinedAt, LeftAt = s.LeftAt };
                if (plan.Label is not null)
                {
                    membership.LabelCiphertext = await cipher.EncryptAsync(plan.Label, MembershipLabel.Context(membership.Id, me), ct);
                }

                memberships.Add(membership);
                created.Add(space.Id);
                db.Spaces.Add(space);
                db.Add(new SpaceSettings
                {
                    SpaceId = space.Id,
                    LivingApart = s.Settings.LivingApart,
                    TimeZoneId = s.Settings.TimeZone,
                    DailyGoalMinutes = s.Settings.DailyGoalMinutes,
                    QuestionMinute = Hearth.Core.Rituals.RitualInput.MinuteOfDay(s.Settings.QuestionTime),
                    UpdatedAt = now,
                });
                await SaveInBatchesAsync(ct);
                var target = new ImportTarget(me, space.Id, plan.Kind, now);
                foreach (var writer in plan.Writers)
                {
                    // The writer reads and encrypts with no transaction open; only the inserts take the writer.
                    await writer(target, ct);
                    await SaveInBatchesAsync(ct);
                }
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);

            // Again inside the transaction and under the account's lock (ADR 55), so two imports, or an
            // import and a space started, joined or a counsellor code redeemed, cannot both land.
            await RowLock.AccountAsync(db, me, ct);
            var refusal = await Counsellors.CounsellorRole.HasAsync(db, me, ct) ? DataImportService.CounsellorHasNoSpace(text)
                : await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == me, ct) ? DataImportService.NotNew(text)
                : null;
            if (refusal is not null)
            {
                await tx.RollbackAsync(ct);
                await RemoveAsync(created);
                return refusal;
            }

            var user = await db.Users.FirstAsync(u => u.Id == me, ct);
            user.DisplayName = document.Account.DisplayName.Trim();
            user.TimeZoneId = document.Account.TimeZone;
            user.Language = Languages.LanguageService.Exact(document.Account.Language);
            db.Memberships.AddRange(memberships);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            await RemoveAsync(created);
            throw;
        }

        db.ChangeTracker.Clear();
        await scope.ReloadAsync(db, me, ct);

        static int Count(IReadOnlyDictionary<string, JsonElement> parts) =>
            parts.Values.Where(p => p.ValueKind == JsonValueKind.Array).Sum(p => p.GetArrayLength());
        return Outcome<ImportSummary>.Ok(new ImportSummary(
            plans.Count,
            document.Spaces.Sum(s => Count(s.Mine)),
            document.Spaces.Sum(s => Count(s.SharedWithMe.Items))));
    }

    /// <summary>
    /// Saves the rows added so far, <see cref="DataImportService.BatchRows"/> to a transaction: principals before the
    /// rows that point at them (a prompt's day before its answer), then forgets them, so memory
    /// holds one kind of one space at a time.
    /// </summary>
    private async Task SaveInBatchesAsync(CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var order = InsertOrder(added.Select(e => db.Model.FindEntityType(e.GetType())!).Distinct().ToList());
        var rows = added.OrderBy(e => order[db.Model.FindEntityType(e.GetType())!]).ToList();
        db.ChangeTracker.Clear();
        foreach (var batch in rows.Chunk(DataImportService.BatchRows))
        {
            foreach (var row in batch)
            {
                db.Entry(row).State = EntityState.Added;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A rank per entity type: every type after the types its foreign keys point at.</summary>
    private static Dictionary<Microsoft.EntityFrameworkCore.Metadata.IEntityType, int> InsertOrder(List<Microsoft.EntityFrameworkCore.Metadata.IEntityType> types)
    {
        var rank = new Dictionary<Microsoft.EntityFrameworkCore.Metadata.IEntityType, int>();
        int Rank(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, int depth)
        {
            if (rank.TryGetValue(type, out var known))
            {
                return known;
            }

            var principals = depth > 16 ? [] : type.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != type && types.Contains(p)).ToList();
            var value = principals.Count == 0 ? 0 : principals.Max(p => Rank(p, depth + 1)) + 1;
            rank[type] = value;
            return value;
        }

        foreach (var type in types)
        {
            Rank(type, 0);
        }

        return rank;
    }

    /// <summary>Deletes the spaces a failed import created; their rows go with them (cascade).</summary>
    private async Task RemoveAsync(List<Guid> created)
    {
        db.ChangeTracker.Clear();
        foreach (var batch in created.Chunk(50))
        {
            await db.Spaces.IgnoreQueryFilters().Where(s => batch.Contains(s.Id)).ExecuteDeleteAsync(CancellationToken.None);
        }
    }
}
