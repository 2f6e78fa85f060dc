using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using Hearth.Core.Practices;
using Hearth.Core.Spaces;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Practices;

/// <summary>
/// Issue 17, rule 6: every suggestion respects "we live apart". An in-person practice is offered in
/// its form for a distance where there is one, and left out where there is none; pairs who live
/// together see exactly what they saw before.
/// </summary>
public sealed class LivingApartSuggestionTests
{
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Default;

    [Theory]
    [InlineData("practice.walk-and-talk", "practice.walk-on-a-call")]
    [InlineData("practice.phone-basket", "practice.phone-free-call")]
    [InlineData("practice.longer-hello", "practice.something-to-hold")]
    [InlineData("practice.hold-hands", "practice.something-to-hold")]
    [InlineData("practice.sit-close", "practice.watch-together-apart")]
    [InlineData("practice.hand-or-shoulder-rub", "practice.something-to-hold")]
    [InlineData("practice.unhurried-cuddle", "practice.wind-down-call")]
    [InlineData("practice.daily-20-minutes", "practice.daily-20-minutes")] // works either way: unchanged
    [InlineData("practice.letter", "practice.letter")]
    public void An_in_person_practice_becomes_its_form_for_a_distance(string suggested, string offered)
    {
        Assert.Equal(offered, PracticeSuggestions.Adapt(suggested, RelationshipKind.Romantic, livingApart: true));
        Assert.Equal(suggested, PracticeSuggestions.Adapt(suggested, RelationshipKind.Romantic, livingApart: false));
    }

    [Fact]
    public void Every_in_person_practice_has_a_form_for_a_distance_that_suits_its_kinds()
    {
        var inPerson = Catalog.Practices.Where(p => !p.WorksAtDistance).ToList();
        Assert.Equal(7, inPerson.Count);
        foreach (var p in inPerson)
        {
            Assert.True(p.AtDistance is not null, $"{p.Id} has no form for a distance");
            var adapted = Catalog.Get(p.AtDistance!);
            Assert.True(adapted.WorksAtDistance, p.Id);
            Assert.All(p.Kinds, k => Assert.True(adapted.Suits(k), $"{adapted.Id} does not suit {k}"));
        }
    }

    [Fact]
    public void A_suggestion_without_a_fitting_form_is_left_out_and_nothing_is_offered_twice()
    {
        var offered = PracticeSuggestions.ForPair(
            ["practice.walk-and-talk", "practice.walk-on-a-call", "practice.video-date", "practice.daily-20-minutes"],
            RelationshipKind.Friends,
            livingApart: true);

        // The video date is for romantic spaces only; the walk on a call is offered once.
        Assert.Equal(["practice.walk-on-a-call", "practice.daily-20-minutes"], offered);
    }

    public static TheoryData<RelationshipKind, Dimension> KindsAndDimensions()
    {
        var data = new TheoryData<RelationshipKind, Dimension>();
        foreach (var k in RelationshipKinds.All)
        {
            foreach (var d in DimensionCatalog.All)
            {
                data.Add(k, d);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndDimensions))]
    public void No_insight_for_any_dimension_offers_a_pair_who_live_apart_an_in_person_practice(RelationshipKind kind, Dimension dimension)
    {
        // A growth area and a strength for the dimension (both shared), a fade, and a quality-time shortfall.
        var low = Result(null, (dimension, 2.0, 7));
        var high = Result(null, (dimension, 6.5, 7));
        var fading = Satisfaction(8, 8, 8, 8, 3, 3, 3).Select(r => r with { PhoneFreeMinutes = 20 }).ToList();
        var insights = InsightEngine.Run(Input(fading, fading, low, low, [dimension]))
            .Concat(InsightEngine.Run(Input(fading, fading, high, high, [dimension])))
            .ToList();
        Assert.Contains(insights, i => i.Kind == InsightKind.QualityTimeShortfall);
        Assert.Contains(insights, i => i.Kind == InsightKind.GrowthArea);
        Assert.Contains(insights, i => i.Kind == InsightKind.Strength);

        var offered = insights.SelectMany(i => PracticeSuggestions.ForPair(i.PracticeIds, kind, livingApart: true).Select(id => (i.Kind, id))).ToList();
        var plan = ReconnectPlan.Create(Week(6)).ForPair(kind, livingApart: true);
        offered.AddRange(plan.Steps.Select(s => (InsightKind.Fading, s.PracticeId)));
        var inPerson = offered.Where(o => !Catalog.Get(o.id).WorksAtDistance || !Catalog.Get(o.id).Suits(kind)).Select(o => $"{o.Kind}: {o.id}").Distinct().ToList();
        Assert.True(inPerson.Count == 0, "Offered to a pair who live apart:\n" + string.Join("\n", inPerson));
    }

    [Fact]
    public void The_reconnect_plan_for_a_pair_who_live_apart_reads_right_at_a_distance()
    {
        var together = ReconnectPlan.Create(Week(6));
        var apart = together.ForPair(RelationshipKind.Romantic, livingApart: true);

        Assert.Equal(together.Steps.Select(s => s.Id), apart.Steps.Select(s => s.Id)); // what is stored is the same
        Assert.Contains("a hug hello", together.Steps.Single(s => s.Id == "reconnect.small-affection").Description, StringComparison.Ordinal);
        Assert.DoesNotContain(apart.Steps, s => s.Description.Contains("hug", StringComparison.OrdinalIgnoreCase) || s.Description.Contains("hand to hold", StringComparison.Ordinal));
        Assert.Contains("on a call", apart.Steps.First(s => s.Id.StartsWith("reconnect.device-free-time", StringComparison.Ordinal)).Description, StringComparison.Ordinal);
        Assert.Same(together, together.ForPair(RelationshipKind.Romantic, livingApart: false));
    }

    [Theory]
    [InlineData("\"setting\": \"either\", \"atDistance\": \"practice.letter\"", "already works at a distance")]
    [InlineData("\"setting\": \"in-person\", \"atDistance\": \"practice.nowhere\"", "not a practice that works at a distance")]
    [InlineData("\"setting\": \"in-person\", \"atDistance\": \"practice.hold-hands\"", "not a practice that works at a distance")]
    public void The_catalogue_refuses_a_form_for_a_distance_that_does_not_fit(string setting, string message)
    {
        var json = EmbeddedContent.ReadText(PracticeCatalog.DefaultResourceName)
            .Replace("\"setting\": \"in-person\", \"atDistance\": \"practice.walk-on-a-call\"", setting, StringComparison.Ordinal);
        var error = Assert.Throws<ContentFileException>(() => PracticeCatalog.Parse(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
