using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Daily;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Builds a member's export: their account, every space they were ever in (open, closed or left),
/// what they provided there ("mine"), and what the other person revealed to them ("sharedWithMe").
/// Only the caller's own memberships are read; every kind of data decides per row what is theirs.
/// </summary>
public sealed class DataExportService(
    HearthDbContext db,
    CurrentMember current,
    FieldCipher cipher,
    IEnumerable<IPersonalDataKind> kinds,
    Notifications.NotificationExport notifications,
    TimeProvider clock)
{
    public async Task<ExportDocument> BuildAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == me, ct);
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == me)
            .Select(m => new
            {
                m.Id,
                m.SpaceId,
                m.JoinedAt,
                m.LeftAt,
                m.LabelCiphertext,
                m.Space!.Kind,
                m.Space.ClosedAt,
                Other = m.Space.Memberships.Where(o => o.UserId != me && o.LeftAt == null).Select(o => o.User!.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var spaceIds = memberships.Select(m => m.SpaceId).ToList();
        var settings = await db.Set<SpaceSettings>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => spaceIds.Contains(s.SpaceId))
            .ToDictionaryAsync(s => s.SpaceId, ct);
        var ordered = kinds.OrderBy(k => k.Name, StringComparer.Ordinal).ToList();

        var spaces = new List<ExportSpace>(memberships.Count);
        foreach (var m in memberships)
        {
            var state = m.LeftAt is not null ? "left" : m.ClosedAt is not null ? "closed" : m.Other is not null ? "paired" : "solo";
            var label = await cipher.DecryptAsync(m.LabelCiphertext, MembershipLabel.Context(m.Id, me), ct);
            var mine = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var shared = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var scope = new MemberSpace(me, m.SpaceId, m.Kind);
            foreach (var kind in ordered)
            {
                var part = await kind.ExportAsync(scope, ct);
                mine[kind.Name] = part.Mine;
                if (part.SharedWithMe is { } revealed)
                {
                    shared[kind.Name] = revealed;
                }
            }

            var s = settings.GetValueOrDefault(m.SpaceId);
            spaces.Add(new ExportSpace(
                m.Kind.WireName(),
                label,
                state,
                ExportJson.Instant(m.JoinedAt),
                ExportJson.Instant(m.LeftAt),
                new ExportSpaceSettings(s?.LivingApart ?? false, s?.TimeZoneId, s?.DailyGoalMinutes ?? DailyGoal.DefaultMinutes, s?.QuestionMinute is { } q ? Hearth.Core.Rituals.RitualInput.ShowMinuteOfDay(q) : null),
                mine,
                new ExportSharedWithMe(state == "paired" ? m.Other : null, shared)));
        }

        return new ExportDocument(
            ExportDocument.FormatName,
            ExportDocument.CurrentVersion,
            ExportJson.Instant(clock.GetUtcNow()),
            new ExportAccount(user.Email ?? "", user.DisplayName, user.TimeZoneId, ExportJson.Instant(user.CreatedAt), Languages.LanguageService.Exact(user.Language), await notifications.BuildAsync(me, ct)),
            SpaceOrder(spaces),
            null);
    }

    /// <summary>The document as sent: sealed with its digest, indented for people to read.</summary>
    public async Task<byte[]> ExportJsonAsync(CancellationToken ct = default)
    {
        var document = await BuildAsync(ct);
        var node = JsonSerializer.SerializeToNode(document, ExportJson.Write)!.AsObject();
        ExportDigest.Seal(node);
        return JsonSerializer.SerializeToUtf8Bytes(node, ExportJson.WriteIndented);
    }

    /// <summary>
    /// Spaces in an order that survives export, import and export: by when you joined, then by
    /// what is yours in them (never by ids, which a new Hearth gives anew).
    /// </summary>
    private static List<ExportSpace> SpaceOrder(List<ExportSpace> spaces) =>
        spaces.OrderBy(s => s.JoinedAt)
            .ThenBy(s => JsonSerializer.Serialize(new { s.Kind, s.Label, s.Settings, s.Mine }, ExportJson.Write), StringComparer.Ordinal)
            .ToList();
}
