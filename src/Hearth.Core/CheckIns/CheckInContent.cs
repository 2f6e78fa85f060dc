using System.Text.Json;
using Hearth.Core.ContentFiles;
using Hearth.Core.Languages;
using System.Text.Json.Serialization;

namespace Hearth.Core.CheckIns;

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

    private static readonly TranslatedContent<CheckInContent> Translations =
        new(WeeklyResourceName, () => Weekly, c => c.Version, (c, t) => c.Translate(t));

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

    /// <summary>
    /// The weekly check-in in a member's language (a culture name such as "de" or "de-AT", or the
    /// pseudo-locale); English for English and for anything unknown. Built once per language.
    /// </summary>
    public static CheckInContent For(string? culture) => Translations.For(culture);

    public string Version { get; }

    public string TimeFrame { get; }

    public string Intro { get; }

    public GroundRules GroundRules { get; }

    /// <summary>The seven questions, in the order a member meets them.</summary>
    public IReadOnlyList<CheckInItem> Items { get; }

    public NeedsPrompt Needs { get; }

    public SafetyPulseContent SafetyPulse { get; }

    public CheckInItem Item(CheckInMeasure measure) => Items.First(i => i.Measure == measure);

    /// <summary>
    /// The same check-in (measures, ranges, limits, pulse ids, order) with every sentence asked of
    /// <paramref name="translation"/>: <c>timeFrame</c>, <c>intro</c>, <c>groundRules/title</c>,
    /// <c>groundRules/intro</c>, <c>groundRules/rule/&lt;n&gt;</c> (from 1), <c>&lt;measure&gt;/text</c>,
    /// <c>/hint</c>, <c>/minLabel</c>, <c>/maxLabel</c>, <c>/noTensionLabel</c>, <c>needs/text</c>,
    /// <c>needs/hint</c>, <c>safetyPulse/intro</c> and <c>&lt;pulse id&gt;/text</c>.
    /// </summary>
    public CheckInContent Translate(ContentTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return new CheckInContent(
            Version,
            translation.Text("timeFrame", TimeFrame),
            translation.Text("intro", Intro),
            new GroundRules(
                translation.Text("groundRules/title", GroundRules.Title),
                translation.Text("groundRules/intro", GroundRules.Intro),
                GroundRules.Rules.Select((r, i) => translation.Text($"groundRules/rule/{i + 1}", r)).ToList()),
            Items.Select(i => i with
            {
                Text = translation.Text($"{i.Id}/text", i.Text),
                Hint = i.Hint is null ? null : translation.Text($"{i.Id}/hint", i.Hint),
                MinLabel = translation.Text($"{i.Id}/minLabel", i.MinLabel),
                MaxLabel = translation.Text($"{i.Id}/maxLabel", i.MaxLabel),
                NoTensionLabel = i.NoTensionLabel is null ? null : translation.Text($"{i.Id}/noTensionLabel", i.NoTensionLabel),
            }).ToList(),
            Needs with
            {
                Text = translation.Text("needs/text", Needs.Text),
                Hint = translation.Text("needs/hint", Needs.Hint),
            },
            new SafetyPulseContent(
                translation.Text("safetyPulse/intro", SafetyPulse.Intro),
                SafetyPulse.Items.Select(p => p with { Text = translation.Text($"{p.Id}/text", p.Text) }).ToList()));
    }

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
