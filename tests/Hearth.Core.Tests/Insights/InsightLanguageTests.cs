using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using Hearth.Core.Languages;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

/// <summary>
/// The engine decides which insight by its rules; the words come from the language's file. So a
/// German reading of the same records gives the same insights (kind, audience, evidence, practices),
/// every sentence in German, every placeholder filled, and English stays as it was.
/// </summary>
public sealed class InsightLanguageTests
{
    private static readonly Dimension[] AllShared = [.. DimensionCatalog.All];

    /// <summary>Records that, between them, give every kind of insight and every "why" wording.</summary>
    public static TheoryData<string, InsightInput> Scenarios() => new()
    {
        { "growth area, private and shared", Input(resultA: Result(null, (Dimension.Emotional, 3.3, 6), (Dimension.Spiritual, 3.0, 6)), resultB: Result(null, (Dimension.Spiritual, 3.0, 5)), shared: [Dimension.Spiritual]) },
        { "strength", Input(resultA: Result(null, (Dimension.Experiential, 5.5, 6)), resultB: Result(null, (Dimension.Experiential, 6.8, 6)), shared: AllShared) },
        { "perception gap", Input(resultA: Result(null, (Dimension.Intellectual, 6.0, 5)), resultB: Result(null, (Dimension.Intellectual, 4.5, 5)), shared: AllShared) },
        { "shared fading, a streak", Input(Satisfaction(6, 6, 6, 6, 5, 5, 5), Satisfaction(7, 7, 7, 7, 7, 7, 7)) },
        { "shared fading, reliable", Input(Satisfaction(8, 8, 8, null, null, null, 5), Satisfaction(7, 7, 7, null, null, null, 7)) },
        { "private fading", Input(Satisfaction(6, 6, 6, 6, 5, 5, 5), Satisfaction(7, 7, 7, 7)) },
        { "warning signs rising", Input(resultA: Result(3.0), earlierA: Result(2.0)) },
        { "improvement", Input(Satisfaction(4, 4, 4, 4, 5, 5, 5), Satisfaction(7, 7, 7, 7, 7, 7, 7)) },
        { "private improvement", Input(Satisfaction(4, 4, 4, 4, 5, 5, 5), Satisfaction(7, 7, 7, 7)) },
        { "quality time", Input([Record(6, minutes: 45)], [Record(6, minutes: 30)]) },
        { "counselling, warnings and a falling mood", Input(Satisfaction(6, 6, 6, 6, 5, 5, 5), Satisfaction(7, 7, 7, 7, 7, 7, 7), resultA: Result(3.8)) },
        { "counselling, a plan that did not help", Input(Satisfaction(6, 6, 6, 6, 6, 6, 6, 6, 6, 6), [], plan: new FinishedReconnectPlan(Week(3), Week(6)), now: 9) },
        { "a low point", Input(Satisfaction(8, 8, 8, 8, 8, 8, 8, 8, 6, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3), Satisfaction(8, 8, 8, 8, 8, 8, 8, 8, 6, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3), now: 18) },
        { "a beginning", Input(Satisfaction(8, 8, 8, 8, 8, 8, 8, 8, 6, 4, 3, 3, 3, 3, 3, 4, 5), Satisfaction(8, 8, 8, 8, 8, 8, 8, 8, 6, 4, 3, 3, 3, 3, 3, 4, 5), now: 16) },
        { "tension and little time", Input(Tense(), Tense(), now: 8) },
        { "counselling shared, after tension", Input([.. Enumerable.Range(0, 7).Select(i => Record(i, 6, heard: i < 4 ? 5 : 1, repair: i < 4 ? 5 : 2))], [.. Enumerable.Range(0, 7).Select(i => Record(i, 7))]) },
        { "everyday strengths, shared and private", Input(Satisfaction(8, 8, 8, 8, 8, 8, 8), Satisfaction(8, null, 8, null, 8, 8, 8)) },
        { "weekly warning signs rising, and counselling from them", Input([.. new[] { 1, 1, 1, 1, 4, 4, 5 }.Select((v, i) => Record(i, satisfaction: v == 1 ? 8 : 4) with { WarningSigns = v })], [.. Enumerable.Range(0, 7).Select(i => Record(i))]) },
        { "counselling, repair and feeling heard", Input([.. new[] { 2, 2, 2, 5 }.Select((r, i) => Record(3 + i, heard: r == 5 ? 5 : 1, repair: r))], []) },
    };

    private static List<CheckInRecord> Tense() =>
        [.. Enumerable.Range(0, 9).Select(i => i < 6 ? Record(i, 8, heard: 6, repair: 6) : Record(i, 8 - (2 * (i - 5)), heard: 6 - (i - 5), repair: 6 - (i - 5), minutes: 40))];

    [Fact]
    public void The_scenarios_cover_every_kind_of_insight()
    {
        var kinds = Scenarios().SelectMany(s => InsightEngine.Run(s.Data.Item2).Select(i => i.Kind)).ToHashSet();
        Assert.Equal(Enum.GetValues<InsightKind>().Order(), kinds.Order());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void German_gives_the_same_insights_in_german_words(string scenario, InsightInput input)
    {
        var english = InsightEngine.Run(input);
        var german = InsightEngine.Run(input, InsightTexts.For("de"));

        Assert.NotEmpty(english);
        Assert.Equal(english.Select(Structure), german.Select(Structure));
        var problems = new List<string>();
        foreach (var (en, de) in english.Zip(german))
        {
            foreach (var (what, e, d) in new[] { ("message", en.Message, de.Message), ("why", en.Why, de.Why) }
                .Concat(en.Evidence.Zip(de.Evidence).Select(x => ("evidence", x.First.Detail, x.Second.Detail))))
            {
                if (e.Length > 0 && string.Equals(e, d, StringComparison.Ordinal))
                {
                    problems.Add($"{en.Kind} {what} is still English: {d}");
                }

                if (d.Contains('{', StringComparison.Ordinal) || d.Contains('}', StringComparison.Ordinal))
                {
                    problems.Add($"{en.Kind} {what} has an unfilled placeholder: {d}");
                }
            }
        }

        Assert.True(problems.Count == 0, scenario + ":\n" + string.Join("\n", problems));
    }

    [Fact]
    public void German_numbers_have_a_decimal_comma_and_english_ones_a_point()
    {
        var input = Input(resultA: Result(null, (Dimension.Intellectual, 6.0, 5)), resultB: Result(null, (Dimension.Intellectual, 4.5, 5)), shared: AllShared);

        Assert.Contains("4.5 and 6 of 7", InsightEngine.Run(input).Single(i => i.Kind == InsightKind.PerceptionGap).Why, StringComparison.Ordinal);
        Assert.Contains("4,5 und 6 von 7", InsightEngine.Run(input, InsightTexts.For("de")).Single(i => i.Kind == InsightKind.PerceptionGap).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_counselling_reasons_are_joined_in_the_language()
    {
        var input = Input([.. new[] { 2, 2, 2, 5 }.Select((r, i) => Record(3 + i, heard: r == 5 ? 5 : 1, repair: r))], []);

        Assert.Equal(
            "We're mentioning it because after tension, finding your way back has often felt hard, and you've often not felt listened to.",
            InsightEngine.Run(input).Single(i => i.Kind == InsightKind.Counselling).Why);
        Assert.Equal(
            "Wir erwähnen es, weil es sich nach Spannungen oft schwer angefühlt hat, wieder zueinanderzufinden, und weil du dich oft nicht gehört gefühlt hast.",
            InsightEngine.Run(input, InsightTexts.For("de")).Single(i => i.Kind == InsightKind.Counselling).Why);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_pseudo_locale_reaches_every_sentence(string scenario, InsightInput input)
    {
        var pseudo = InsightEngine.Run(input, InsightTexts.For(HearthLanguages.Pseudo));

        Assert.All(pseudo, i =>
        {
            Assert.StartsWith("[", i.Message, StringComparison.Ordinal);
            Assert.All(i.Evidence, e => Assert.StartsWith("[", e.Detail, StringComparison.Ordinal));
        });
        Assert.NotNull(scenario);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_reconnect_plan_in_german_has_the_same_steps_in_german_words(int weeks)
    {
        var english = ReconnectPlan.Create(Week(0), weeks);
        var german = ReconnectPlan.Create(Week(0), weeks, InsightTexts.For("de"));

        Assert.Equal(english.Steps.Select(s => (s.Id, s.Week, s.PracticeId)), german.Steps.Select(s => (s.Id, s.Week, s.PracticeId)));
        Assert.All(english.Steps.Zip(german.Steps), p =>
        {
            Assert.NotEqual(p.First.Title, p.Second.Title);
            Assert.NotEqual(p.First.Description, p.Second.Description);
        });
        Assert.Equal("Die Distanz behutsam ansprechen", german.Steps[0].Title);
        Assert.Equal("Name the distance, gently", english.Steps[0].Title);
    }

    [Fact]
    public void The_sentence_starters_come_in_the_language()
    {
        Assert.Equal(ReconnectPlan.SentenceStarters, InsightTexts.Default.SentenceStarters);
        Assert.Equal(4, InsightTexts.For("de").SentenceStarters.Count);
        Assert.StartsWith("In letzter Zeit fehlt mir", InsightTexts.For("de-CH").SentenceStarters[0], StringComparison.Ordinal);
        Assert.StartsWith("Lately I've been missing", InsightTexts.For("fr").SentenceStarters[0], StringComparison.Ordinal);
    }

    private static string Structure(Insight i) =>
        string.Join(
            " | ",
            i.Kind,
            i.Audience,
            string.Join(",", i.Dimensions),
            string.Join(",", i.Measures),
            string.Join(",", i.PracticeIds),
            i.SuggestsReconnectPlan,
            i.Why.Length > 0,
            string.Join(";", i.Evidence.Select(e => $"{e.Source}/{e.MemberId}/{string.Join(",", e.Weeks)}/{e.Value}")));
}
