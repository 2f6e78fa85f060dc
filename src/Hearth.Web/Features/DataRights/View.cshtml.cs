using System.Globalization;
using System.Text;
using System.Text.Json;
using Hearth.Web.Data.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.DataRights;

/// <summary>The export as a page to read or print. The same document as the download, nothing more.</summary>
[Authorize]
[Hearth.Web.Security.ConfirmItsYou]
public sealed class ViewModel(DataExportService export, IEnumerable<IPersonalDataKind> kinds) : PageModel
{
    /// <summary>How each kind of data is shown, by its name in the file (each feature says so beside its kind).</summary>
    private readonly Dictionary<string, KindDisplay> displays = kinds.ToDictionary(k => k.Name, k => k.Display, StringComparer.Ordinal);

    public ExportDocument? Document { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Document = await export.BuildAsync(ct);

    public static string KindName(string kind) => kind switch
    {
        "romantic" => "Partners",
        "friends" => "Friends",
        "family" => "Family",
        _ => kind,
    };

    public static string StateName(string state) => state switch
    {
        "paired" => "both of you",
        "solo" => "just you so far",
        "closed" => "closed",
        "left" => "you left",
        _ => state,
    };

    public KindDisplay DisplayOf(string kind) => displays.GetValueOrDefault(kind) ?? new KindDisplay(Label(kind));

    public string Heading(string kind, bool mine) => DisplayOf(kind).Heading(mine);

    public static string When(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"respondedAt" -> "Responded at", or the kind's own words for it.</summary>
    public static string Label(string name, KindDisplay? display = null) =>
        display is not null && display.Words.TryGetValue(name, out var words) ? words : Spaced(name);

    /// <summary>A value as text, or as the kind shows it (the steps of a reconnect plan by their titles).</summary>
    public static string Value(string name, JsonElement value, KindDisplay display) =>
        display.Value?.Invoke(name, value) ?? KindDisplay.Text(value);

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
