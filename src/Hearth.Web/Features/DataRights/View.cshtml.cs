using System.Globalization;
using System.Text;
using System.Text.Json;
using Hearth.Web.Data.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>The export as a page to read or print. The same document as the download, nothing more.</summary>
[Authorize]
[Hearth.Web.Security.ConfirmItsYou]
public sealed class ViewModel(DataExportService export, IEnumerable<IPersonalDataKind> kinds, IStringLocalizer<DataRightsText> text) : PageModel
{
    /// <summary>How each kind of data is shown, by its name in the file (each feature says so beside its kind).</summary>
    private readonly Dictionary<string, KindDisplay> displays = kinds.ToDictionary(k => k.Name, k => k.Display, StringComparer.Ordinal);

    public ExportDocument? Document { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Document = await export.BuildAsync(ct);

    public string KindName(string kind) => kind switch
    {
        "romantic" => text["KindPartners"],
        "friends" => text["KindFriends"],
        "family" => text["KindFamily"],
        _ => kind,
    };

    public string StateName(string state) => state switch
    {
        "paired" => text["StatePaired"],
        "solo" => text["StateSolo"],
        "closed" => text["StateClosed"],
        "left" => text["StateLeft"],
        _ => state,
    };

    public KindDisplay DisplayOf(string kind) => displays.GetValueOrDefault(kind) ?? new KindDisplay(Label(kind));

    /// <summary>
    /// A kind's heading in the reader's language: DataRights' resx keyed by the kind's stable name
    /// (<c>KindMine.notes</c>, <c>KindShared.notes</c>; one heading for both parts when there is no
    /// shared one), so no feature's folder holds this page's words; the kind's own English heading
    /// only for a kind added without them (KindHeadingCoverageTests notices).
    /// </summary>
    public string Heading(string kind, bool mine) => Headings(text, kind, mine) ?? DisplayOf(kind).Heading(mine);

    /// <summary>The resx heading of a kind, or null when there is none.</summary>
    public static string? Headings(IStringLocalizer<DataRightsText> text, string kind, bool mine)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!mine && text["KindShared." + kind] is { ResourceNotFound: false } shared)
        {
            return shared.Value;
        }

        return text["KindMine." + kind] is { ResourceNotFound: false } own ? own.Value : null;
    }

    /// <summary>Account-level lists (devices, choices, what was sent) as the file writes them, for _ExportItems.</summary>
    public static JsonElement Items<T>(IEnumerable<T> items) => JsonSerializer.SerializeToElement(items, ExportJson.Write);

    /// <summary>A date in the reader's language ("1 June 2026", "1. Juni 2026"); the one place this page formats dates.</summary>
    public static string When(DateTimeOffset at) => at.ToString(DatePattern(), CultureInfo.CurrentCulture);

    /// <summary>When the export was made, with its time (UTC).</summary>
    public static string WhenMade(DateTimeOffset at) =>
        string.Create(CultureInfo.CurrentCulture, $"{When(at)}, {Hearth.Web.Languages.CultureFormats.Time(NodaTime.LocalTime.FromTimeOnly(TimeOnly.FromTimeSpan(at.UtcDateTime.TimeOfDay)))} UTC");

    /// <summary>Day, month name, year in the culture's order (English keeps "d MMMM yyyy").</summary>
    private static string DatePattern() =>
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "de" ? "d. MMMM yyyy" : "d MMMM yyyy";

    /// <summary>"respondedAt" -> "Responded at": a name with no words of its own (ExportFieldWordsTests gives every field of the schema its Field.&lt;name&gt;).</summary>
    public static string Label(string name) => Spaced(name);

    /// <summary>A field's name in the reader's language (DataRightsText <c>Field.&lt;name&gt;</c>, one per name in docs/export-format.schema.json).</summary>
    public static string Label(IStringLocalizer<DataRightsText> text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["Field." + name] is { ResourceNotFound: false } word ? word.Value : Label(name);
    }

    /// <summary>A value as text, or as the kind shows it (the steps of a reconnect plan by their titles).</summary>
    public static string Value(string name, JsonElement value, KindDisplay display) =>
        display.Value?.Invoke(name, value) ?? KindDisplay.Text(value);

    /// <summary>
    /// A value for reading in the reader's language: yes/no and "none yet" in words, a practice's
    /// title from the catalogue in that language (the file keeps the English title beside the id);
    /// everything else as the file holds it.
    /// </summary>
    public static string Value(IStringLocalizer<DataRightsText> text, string name, JsonElement value, JsonElement item, KindDisplay display)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(display);
        if (display.Value?.Invoke(name, value) is { } shown)
        {
            return shown;
        }

        if (name == "title" && item.ValueKind == JsonValueKind.Object && item.TryGetProperty("practiceId", out var id)
            && id.GetString() is { } practiceId && Hearth.Core.Practices.PracticeCatalog.For(CultureInfo.CurrentUICulture.Name).TryGet(practiceId, out var practice))
        {
            return practice.Title;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => text["ValueYes"],
            JsonValueKind.False => text["ValueNo"],
            JsonValueKind.Array when value.GetArrayLength() == 0 => text["ValueNoneYet"],
            _ => KindDisplay.Text(value),
        };
    }

    /// <summary>
    /// True for values that are data, not words in a language: ids, wire values, versions, times and
    /// numbers (no whitespace). The page marks them <c>lang="zxx"</c> (no linguistic content), so
    /// assistive technology and the language checks don't take "romantic" or "baseline.v1" for English.
    /// </summary>
    public static bool IsData(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.Null => true,
        JsonValueKind.String => !(value.GetString() ?? "").Any(char.IsWhiteSpace),
        JsonValueKind.Array => value.GetArrayLength() > 0 && value.EnumerateArray().All(IsData),
        JsonValueKind.Object => value.EnumerateObject().All(p => IsData(p.Value)),
        _ => false,
    };

    private static string Spaced(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
