using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.DataRights;

/// <summary>The export as a page to read or print. The same document as the download, nothing more.</summary>
[Authorize]
[Hearth.Web.Security.ConfirmItsYou]
public sealed class ViewModel(DataExportService export) : PageModel
{
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

    public static string Heading(string kind, bool mine) => (kind, mine) switch
    {
        ("assessmentRounds", _) => "Your closeness assessment",
        ("promptAnswers", true) => "Your answers to the daily question",
        ("promptAnswers", false) => "Their answers, on days you both answered",
        ("notes", true) => "Notes you sent",
        ("notes", false) => "Notes you received",
        ("memories", true) => "Your memories",
        ("memories", false) => "Memories they shared with you",
        ("timeTogether", true) => "Time together you noted",
        ("timeTogether", false) => "Time together they noted",
        ("practices", true) => "Practices you put on your list",
        ("practices", false) => "Practices they put on your list",
        _ => Label(kind),
    };

    public static string When(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"respondedAt" -> "Responded at".</summary>
    public static string Label(string name)
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

    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "-",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Text(p.Value)}")),
        _ => value.GetRawText(),
    };
}
