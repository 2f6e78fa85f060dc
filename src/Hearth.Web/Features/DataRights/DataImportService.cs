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

/// <summary>What an import brought in, and how many of the other person's items stayed in the file.</summary>
public sealed record ImportSummary(int Spaces, int Items, int SharedItemsLeftInFile);

/// <summary>
/// Imports an export into the signed-in account, which must be new (no spaces yet): moving to
/// another Hearth. Everything becomes the importer's own, in their own spaces: open spaces come
/// back solo (the other person is not here), closed and left ones as they were. What the other
/// person revealed ("sharedWithMe") is not imported: it was theirs. All or nothing: the whole file
/// is read and checked before anything is written, and then it is written in one transaction.
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
                return Outcome<ImportSummary>.Refused(400, "Changed or damaged", "This file has changed since Hearth made it, or part of it is missing: its check value does not match. Download a fresh export and try again. Nothing was imported.");
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

    private async Task<Outcome<ImportSummary>> WriteAsync(Guid me, ExportDocument document, List<SpacePlan> plans, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Again inside the transaction, so two imports sent at once cannot both land (SQLite takes the write lock here).
        if (await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == me, ct))
        {
            return NotNew();
        }

        var user = await db.Users.FirstAsync(u => u.Id == me, ct);
        user.DisplayName = document.Account.DisplayName.Trim();
        user.TimeZoneId = document.Account.TimeZone;

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

            db.Spaces.Add(space);
            db.Memberships.Add(membership);
            db.Add(new SpaceSettings
            {
                SpaceId = space.Id,
                LivingApart = s.Settings.LivingApart,
                TimeZoneId = s.Settings.TimeZone,
                DailyGoalMinutes = s.Settings.DailyGoalMinutes,
                UpdatedAt = now,
            });
            var target = new ImportTarget(me, space.Id, plan.Kind, now);
            foreach (var writer in plan.Writers)
            {
                await writer(target, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await scope.ReloadAsync(db, me, ct);

        static int Count(IReadOnlyDictionary<string, JsonElement> parts) =>
            parts.Values.Where(p => p.ValueKind == JsonValueKind.Array).Sum(p => p.GetArrayLength());
        return Outcome<ImportSummary>.Ok(new ImportSummary(
            plans.Count,
            document.Spaces.Sum(s => Count(s.Mine)),
            document.Spaces.Sum(s => Count(s.SharedWithMe.Items))));
    }

    private static Outcome<ImportSummary> NotNew() =>
        Outcome<ImportSummary>.Refused(409, "Only into a new account", "Import works into a new account, before you start or join a space, so nothing gets mixed or doubled. Create a new account on this Hearth and import there. Nothing was imported.");

    private static Outcome<ImportSummary> NotAnExport(string detail) => Outcome<ImportSummary>.Refused(400, "Not a Hearth export", detail);
}
