using System.Text.Json;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Spaces;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Imports an export into the signed-in account, which must be new (no spaces yet): moving to
/// another Hearth. Everything becomes the importer's own, in their own spaces: open spaces come
/// back solo (the other person is not here), closed and left ones as they were. What the other
/// person revealed ("sharedWithMe") is not imported: it was theirs. All or nothing: the whole file
/// is read and checked before anything is written, and then written in short batches that become
/// the importer's only in the last step (see WriteAsync).
/// </summary>
public sealed class DataImportService(
    HearthDbContext db,
    CurrentMember current,
    SpaceScope scope,
    FieldCipher cipher,
    IEnumerable<IPersonalDataKind> kinds,
    TimeProvider clock)
{
    /// <summary>The largest file import accepts (this route only; the rest of Hearth accepts 1 MB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxItemsPerList = 10_000;

    public const int MaxSpaces = 500;

    public static readonly string TooLargeDetail = $"This file is larger than Hearth imports ({MaxBytes / (1024 * 1024)} MB). Nothing was imported.";

    public async Task<Outcome<ImportSummary>> ImportAsync(ReadOnlyMemory<byte> file, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        if (file.Length > MaxBytes)
        {
            return Outcome<ImportSummary>.Refused(413, "Too large", TooLargeDetail);
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return NotAnExport("This file is not valid JSON. Choose the .json file Hearth gave you when you downloaded your data. Nothing was imported.");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != ExportDocument.FormatName)
            {
                return NotAnExport("This file is not a Hearth export. Choose the .json file Hearth gave you when you downloaded your data. Nothing was imported.");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != ExportDocument.CurrentVersion)
            {
                return Outcome<ImportSummary>.Refused(400, "Another version", $"This export was made in a format version this Hearth does not read. It reads version {ExportDocument.CurrentVersion}. Nothing was imported.");
            }

            if (!ExportDigest.Verify(root))
            {
                return Outcome<ImportSummary>.Refused(400, "Damaged or changed", "This file doesn't match its checksum, so part of it may be damaged, cut short or changed. Download a fresh copy and try again. Nothing was imported.");
            }

            ExportDocument? document;
            try
            {
                document = root.Deserialize<ExportDocument>(ExportJson.Read);
            }
            catch (JsonException ex)
            {
                return NotAnExport($"Part of this export could not be read (at {ExportJson.Where(ex)}). Nothing was imported.");
            }

            if (document is null)
            {
                return NotAnExport("This file is not a Hearth export. Nothing was imported.");
            }

            var isNew = !await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == me, ct);
            if (!isNew)
            {
                return NotNew();
            }

            var errors = new FieldErrors();
            var plan = Check(document, errors);
            if (errors.Any)
            {
                return errors.ToOutcome<ImportSummary>();
            }

            return await WriteAsync(me, document, plan, ct);
        }
    }

    private sealed record SpacePlan(ExportSpace Space, RelationshipKind Kind, string? Label, bool Closed, List<ImportWriter> Writers);

    private List<SpacePlan> Check(ExportDocument document, FieldErrors errors)
    {
        if (!TimeZones.IsKnown(document.Account.TimeZone))
        {
            errors.Add("account.timeZone", "This is not a time zone Hearth knows.");
        }

        var name = document.Account.DisplayName.Trim();
        if (name.Length == 0 || name.Length > Limits.DisplayName || name.Any(char.IsControl))
        {
            errors.Add("account.displayName", $"A name is one line of up to {Limits.DisplayName} characters.");
        }

        if (document.Spaces.Count > MaxSpaces)
        {
            errors.Add("spaces", $"This export has more spaces than Hearth imports ({MaxSpaces}).");
            return [];
        }

        var byName = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var plans = new List<SpacePlan>();
        for (var i = 0; i < document.Spaces.Count; i++)
        {
            var space = document.Spaces[i];
            var at = $"spaces[{i}]";
            if (!RelationshipKinds.TryParse(space.Kind, out var kind))
            {
                errors.Add($"{at}.kind", "A space is romantic, friends or family.");
            }

            var label = SpaceService.CleanLabel(space.Label, errors, $"{at}.label");
            if (space.State is not ("solo" or "paired" or "closed" or "left"))
            {
                errors.Add($"{at}.state", "A space is solo, paired, closed or left.");
            }

            if ((space.State == "left") != (space.LeftAt is not null))
            {
                errors.Add($"{at}.leftAt", "A space you left has the date you left it, and only then.");
            }
            else if (space.LeftAt is { } left && left < space.JoinedAt)
            {
                errors.Add($"{at}.leftAt", "You left a space after you joined it.");
            }

            if (space.Settings.TimeZone is not null && !TimeZones.IsKnown(space.Settings.TimeZone))
            {
                errors.Add($"{at}.settings.timeZone", "This is not a time zone Hearth knows.");
            }

            if (!DailyGoal.Create(space.Settings.DailyGoalMinutes).IsOk)
            {
                errors.Add($"{at}.settings.dailyGoalMinutes", "This daily goal is outside what Hearth offers.");
            }

            var writers = new List<ImportWriter>();
            foreach (var (kindName, items) in space.Mine)
            {
                if (!byName.TryGetValue(kindName, out var part))
                {
                    errors.Add($"{at}.mine.{kindName}", "This Hearth does not know this kind of data.");
                    continue;
                }

                if (part.PrepareImport(items, $"{at}.mine.{kindName}", errors) is { } writer)
                {
                    writers.Add(writer);
                }
            }

            plans.Add(new SpacePlan(space, kind, label, space.State is "closed" or "left", writers));
        }

        if (plans.Count(p => !p.Closed) > SpaceRules.MaxOpenSpacesPerPerson)
        {
            errors.Add("spaces", $"A person can be in up to {SpaceRules.MaxOpenSpacesPerPerson} open spaces, and this export has more.");
        }

        return plans;
    }

    /// <summary>Rows per transaction: each batch holds SQLite's single writer for a few milliseconds.</summary>
    public const int BatchRows = 200;

    /// <summary>
    /// Writes in short transactions (issue Trust, item 10), so other people's writes go through in
    /// between instead of waiting for the whole file. It stays all or nothing for the importer: the
    /// spaces and everything in them are written first without memberships, so nobody can see or
    /// use them (every read goes through the reader's memberships); the last, short transaction adds
    /// the memberships and the account's name and zone. If anything fails, the new spaces are
    /// deleted (their rows go with them).
    /// </summary>
    private async Task<Outcome<ImportSummary>> WriteAsync(Guid me, ExportDocument document, List<SpacePlan> plans, CancellationToken ct)
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
                    membership.LabelCiphertext = await cipher.EncryptAsync(plan.Label, new CipherContext(DataExportService.LabelTable, DataExportService.LabelColumn, membership.Id, me), ct);
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

            // Again inside the transaction, so two imports sent at once cannot both land (SQLite takes the write lock here).
            if (await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == me, ct))
            {
                await tx.RollbackAsync(ct);
                await RemoveAsync(created);
                return NotNew();
            }

            var user = await db.Users.FirstAsync(u => u.Id == me, ct);
            user.DisplayName = document.Account.DisplayName.Trim();
            user.TimeZoneId = document.Account.TimeZone;
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
    /// Saves the rows added so far, <see cref="BatchRows"/> to a transaction: principals before the
    /// rows that point at them (a prompt's day before its answer), then forgets them, so memory
    /// holds one kind of one space at a time.
    /// </summary>
    private async Task SaveInBatchesAsync(CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var order = InsertOrder(added.Select(e => db.Model.FindEntityType(e.GetType())!).Distinct().ToList());
        var rows = added.OrderBy(e => order[db.Model.FindEntityType(e.GetType())!]).ToList();
        db.ChangeTracker.Clear();
        foreach (var batch in rows.Chunk(BatchRows))
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

    private static Outcome<ImportSummary> NotNew() =>
        Outcome<ImportSummary>.Refused(409, "Only into a new account", "Import works into a new account, before you start or join a space, so nothing gets mixed or doubled. Create a new account on this Hearth and import there. Nothing was imported.");

    private static Outcome<ImportSummary> NotAnExport(string detail) => Outcome<ImportSummary>.Refused(400, "Not a Hearth export", detail);
}
