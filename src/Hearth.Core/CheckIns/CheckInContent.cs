using System.Text.Json;
using Hearth.Core.ContentFiles;
using System.Text.Json.Serialization;

namespace Hearth.Core.CheckIns;

/// <summary>The six measures of the weekly check-in (docs/product/assessment-and-insights.md, "Weekly check-in").</summary>
public enum CheckInMeasure
{
    /// <summary>Overall happiness with the relationship this week, 0-10.</summary>
    Satisfaction = 1,

    /// <summary>The closeness circles, 1-7.</summary>
    Closeness = 2,

    /// <summary>Felt listened to and understood, 1-7.</summary>
    FeltHeard = 3,

    /// <summary>Minutes of focused, phone-free time together this week, 0-10080 (the minutes in a week).</summary>
    PhoneFreeMinutes = 4,

    /// <summary>How often I showed thanks or answered a bid warmly: 0, 1, 2, 3, 4, and 5 meaning "5 or more".</summary>
    Appreciation = 5,

    /// <summary>We repaired well after tension, 1-7; "no tension this week" is a separate choice.</summary>
    Repair = 6,
}

public static class CheckInMeasures
{
    public static IReadOnlyList<CheckInMeasure> All { get; } = Enum.GetValues<CheckInMeasure>();

    /// <summary>The stable name used in content files, JSON and evidence.</summary>
    public static string WireName(this CheckInMeasure measure) => measure switch
    {
        CheckInMeasure.Satisfaction => "satisfaction",
        CheckInMeasure.Closeness => "closeness",
        CheckInMeasure.FeltHeard => "feltHeard",
        CheckInMeasure.PhoneFreeMinutes => "phoneFreeMinutes",
        CheckInMeasure.Appreciation => "appreciation",
        CheckInMeasure.Repair => "repair",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static bool TryParse(string? value, out CheckInMeasure measure)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.WireName(), value, StringComparison.Ordinal))
            {
                measure = candidate;
                return true;
            }
        }

        measure = default;
        return false;
    }

    /// <summary>
    /// The range the code relies on. The content file must agree (checked when it loads), so a
    /// wording change can never quietly change what the numbers mean.
    /// </summary>
    public static (int Min, int Max) Range(this CheckInMeasure measure) => measure switch
    {
        CheckInMeasure.Satisfaction => (0, 10),
        CheckInMeasure.Closeness or CheckInMeasure.FeltHeard or CheckInMeasure.Repair => (1, 7),
        CheckInMeasure.PhoneFreeMinutes => (0, 7 * 24 * 60),
        CheckInMeasure.Appreciation => (0, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>A short lower-case name for "why" sentences: "how happy you've been".</summary>
    public static string Describe(this CheckInMeasure measure) => measure switch
    {
        CheckInMeasure.Satisfaction => "how happy you've been together",
        CheckInMeasure.Closeness => "how close you've felt",
        CheckInMeasure.FeltHeard => "feeling listened to",
        CheckInMeasure.PhoneFreeMinutes => "phone-free time together",
        CheckInMeasure.Appreciation => "thanks and warm responses",
        CheckInMeasure.Repair => "finding your way back after tension",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };
}

/// <summary>One check-in question.</summary>
/// <param name="Measure">What it measures.</param>
/// <param name="Text">The question, in our words.</param>
/// <param name="Min">Lowest answer.</param>
/// <param name="Max">Highest answer (for appreciation, 5 means "5 or more").</param>
/// <param name="MinLabel">Label of the lowest answer.</param>
/// <param name="MaxLabel">Label of the highest answer.</param>
/// <param name="Hint">Optional help under the question.</param>
/// <param name="NoTensionLabel">The "no tension this week" choice; only the repair item has one.</param>
public sealed record CheckInItem(CheckInMeasure Measure, string Text, int Min, int Max, string MinLabel, string MaxLabel, string? Hint, string? NoTensionLabel)
{
    public string Id => Measure.WireName();

    public bool Contains(int value) => value >= Min && value <= Max;
}

/// <summary>The habits shown before a pair talks their answers through.</summary>
public sealed record GroundRules(string Title, string Intro, IReadOnlyList<string> Rules);

/// <summary>The "more of / less of" free text prompt.</summary>
public sealed record NeedsPrompt(string Text, string Hint, int MaxLength);

/// <summary>A private yes/no safety question. Never scored, never shared.</summary>
public sealed record SafetyPulseItem(string Id, string Text);

/// <summary>The private safety pulse: an introduction and one or two yes/no items.</summary>
public sealed record SafetyPulseContent(string Intro, IReadOnlyList<SafetyPulseItem> Items);

/// <summary>
/// The weekly check-in as versioned data (CheckIns/Content/*.json, embedded in the assembly).
/// </summary>
public sealed class CheckInContent
{
    public const string WeeklyResourceName = "Hearth.Core.CheckIns.Content.weekly.v1.json";

    /// <summary>The most the free text may hold, in characters.</summary>
    public const int NeedsMaxLengthCeiling = 1000;

    private static readonly Lazy<CheckInContent> LazyWeekly = new(() => LoadEmbedded(WeeklyResourceName));

    private CheckInContent(
        string version,
        string timeFrame,
        string intro,
        GroundRules groundRules,
        IReadOnlyList<CheckInItem> items,
        NeedsPrompt needs,
        SafetyPulseContent safetyPulse)
    {
        Version = version;
        TimeFrame = timeFrame;
        Intro = intro;
        GroundRules = groundRules;
        Items = items;
        Needs = needs;
        SafetyPulse = safetyPulse;
    }

    /// <summary>The weekly check-in shipped with Hearth ("weekly.v1"). Loaded once.</summary>
    public static CheckInContent Weekly => LazyWeekly.Value;

    public string Version { get; }

    public string TimeFrame { get; }

    public string Intro { get; }

    public GroundRules GroundRules { get; }

    /// <summary>The six questions, in the order a member meets them.</summary>
    public IReadOnlyList<CheckInItem> Items { get; }

    public NeedsPrompt Needs { get; }

    public SafetyPulseContent SafetyPulse { get; }

    public CheckInItem Item(CheckInMeasure measure) => Items.First(i => i.Measure == measure);

    public static CheckInContent LoadEmbedded(string resourceName)
    {
        return Parse(EmbeddedContent.ReadText(resourceName));
    }

    /// <summary>Parses and checks a check-in content file.</summary>
    public static CheckInContent Parse(string json)
    {
        var file = EmbeddedContent.Deserialize(json, CheckInContentJsonContext.Default.CheckInFileDto, "check-in content");

        var rules = file.GroundRules ?? throw new ContentFileException("The check-in content file has no ground rules.");
        var ruleTexts = (rules.Rules ?? []).Select(r => Required(r, "text of a ground rule")).ToList();
        if (ruleTexts.Count < 2)
        {
            throw new ContentFileException("The ground rules need at least two rules.");
        }

        var items = new List<CheckInItem>();
        foreach (var dto in file.Items ?? [])
        {
            if (!CheckInMeasures.TryParse(dto.Id, out var measure))
            {
                throw new ContentFileException($"Unknown check-in item '{dto.Id}'.");
            }

            if (items.Any(i => i.Measure == measure))
            {
                throw new ContentFileException($"Check-in item '{dto.Id}' appears twice.");
            }

            var (min, max) = measure.Range();
            if (dto.Min != min || dto.Max != max)
            {
                throw new ContentFileException($"Check-in item '{dto.Id}' must run from {min} to {max}.");
            }

            if ((measure == CheckInMeasure.Repair) != (dto.NoTensionLabel is not null))
            {
                throw new ContentFileException("Exactly the repair item offers \"no tension this week\".");
            }

            items.Add(new CheckInItem(
                measure,
                Required(dto.Text, $"text of item '{dto.Id}'"),
                min,
                max,
                Required(dto.MinLabel, $"lowest label of item '{dto.Id}'"),
                Required(dto.MaxLabel, $"highest label of item '{dto.Id}'"),
                string.IsNullOrWhiteSpace(dto.Hint) ? null : dto.Hint.Trim(),
                dto.NoTensionLabel is null ? null : Required(dto.NoTensionLabel, "no-tension label")));
        }

        var missing = CheckInMeasures.All.Where(m => items.All(i => i.Measure != m)).Select(m => m.WireName()).ToList();
        if (missing.Count > 0)
        {
            throw new ContentFileException($"The check-in content file is missing: {string.Join(", ", missing)}.");
        }

        var needs = file.Needs ?? throw new ContentFileException("The check-in content file has no more-of/less-of prompt.");
        if (needs.MaxLength is < 1 or > NeedsMaxLengthCeiling)
        {
            throw new ContentFileException($"The free text limit must be between 1 and {NeedsMaxLengthCeiling} characters.");
        }

        var pulse = file.SafetyPulse ?? throw new ContentFileException("The check-in content file has no safety pulse.");
        var pulseItems = (pulse.Items ?? [])
            .Select(p => new SafetyPulseItem(Required(p.Id, "safety pulse item id"), Required(p.Text, $"text of safety item '{p.Id}'")))
            .ToList();
        if (pulseItems.Count is < 1 or > 2 || pulseItems.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != pulseItems.Count)
        {
            throw new ContentFileException("The safety pulse needs one or two items with different ids.");
        }

        return new CheckInContent(
            Required(file.Version, "version"),
            Required(file.TimeFrame, "timeFrame"),
            Required(file.Intro, "intro"),
            new GroundRules(Required(rules.Title, "ground rules title"), Required(rules.Intro, "ground rules intro"), ruleTexts),
            items,
            new NeedsPrompt(Required(needs.Text, "more-of/less-of question"), Required(needs.Hint, "more-of/less-of hint"), needs.MaxLength),
            new SafetyPulseContent(Required(pulse.Intro, "safety pulse intro"), pulseItems));
    }

    private static string Required(string? value, string what) => EmbeddedContent.Required(value, what);
}

internal sealed record CheckInFileDto
{
    public string? Version { get; init; }
    public string? TimeFrame { get; init; }
    public string? Intro { get; init; }
    public GroundRulesDto? GroundRules { get; init; }
    public IReadOnlyList<CheckInItemDto>? Items { get; init; }
    public NeedsDto? Needs { get; init; }
    public SafetyPulseDto? SafetyPulse { get; init; }
}

internal sealed record GroundRulesDto
{
    public string? Title { get; init; }
    public string? Intro { get; init; }
    public IReadOnlyList<string>? Rules { get; init; }
}

internal sealed record CheckInItemDto
{
    public string? Id { get; init; }
    public string? Text { get; init; }
    public string? Hint { get; init; }
    public int Min { get; init; }
    public int Max { get; init; }
    public string? MinLabel { get; init; }
    public string? MaxLabel { get; init; }
    public string? NoTensionLabel { get; init; }
}

internal sealed record NeedsDto
{
    public string? Text { get; init; }
    public string? Hint { get; init; }
    public int MaxLength { get; init; }
}

internal sealed record SafetyPulseDto
{
    public string? Intro { get; init; }
    public IReadOnlyList<SafetyPulseItemDto>? Items { get; init; }
}

internal sealed record SafetyPulseItemDto
{
    public string? Id { get; init; }
    public string? Text { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CheckInFileDto))]
internal sealed partial class CheckInContentJsonContext : JsonSerializerContext;
