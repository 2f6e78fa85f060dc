using System.Globalization;
using System.Text;
using System.Text.Json;
using Hearth.Core.Insights;
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
        ("checkIns", true) => "Your weekly check-ins",
        ("checkIns", false) => "Their check-ins, for weeks you both checked in",
        ("ritual", _) => "Your weekly check-in time",
        ("wakingHours", true) => "Your waking hours",
        ("wakingHours", false) => "Their waking hours",
        ("reconnectPlans", _) => "Your plans to reconnect",
        _ => Label(kind),
    };

    /// <summary>Plain words for the field names that read awkwardly on their own.</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["feltHeard"] = "Felt heard",
        ["phoneFreeMinutes"] = "Phone-free minutes together",
        ["noTension"] = "No tension this week",
        ["needs"] = "More of, or less of",
        ["needsDimension"] = "Kind of closeness",
        ["startWeek"] = "Starts the week of",
        ["doneSteps"] = "Steps done",
    };

    /// <summary>Step ids of a reconnect plan, as the titles people saw.</summary>
    private static readonly Dictionary<string, string> StepTitles =
        ReconnectPlan.Create(new NodaTime.LocalDate(2000, 1, 3), ReconnectPlan.MaximumWeeks).Steps
            .ToDictionary(s => s.Id, s => s.Id.StartsWith("reconnect.device-free-time.", StringComparison.Ordinal) ? $"{s.Title} (week {s.Week})" : s.Title, StringComparer.Ordinal);

    public static string When(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"respondedAt" -> "Responded at".</summary>
    public static string Label(string name)
    {
        if (Words.TryGetValue(name, out var words))
        {
            return words;
        }

        return Spaced(name);
    }

    /// <summary>A value as text; the steps of a reconnect plan by their titles.</summary>
    public static string Value(string name, JsonElement value) =>
        name == "doneSteps" && value.ValueKind == JsonValueKind.Array
            ? value.GetArrayLength() == 0 ? "none yet" : string.Join(", ", value.EnumerateArray().Select(v => v.GetString() is { } id && StepTitles.TryGetValue(id, out var title) ? title : Text(v)))
            : Text(value);

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
