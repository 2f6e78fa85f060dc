using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.Tests.CheckIns;

public sealed class CheckInContentAndAnswersTests
{
    private static readonly CheckInContent Content = CheckInContent.Weekly;
    private static readonly LocalDate Week = new(2025, 6, 1);

    [Fact]
    public void The_weekly_content_has_the_seven_items_in_order_with_our_ranges()
    {
        Assert.Equal("weekly.v1", Content.Version);
        Assert.Equal(CheckInMeasures.All, Content.Items.Select(i => i.Measure));
        Assert.Equal((0, 10), (Content.Item(CheckInMeasure.Satisfaction).Min, Content.Item(CheckInMeasure.Satisfaction).Max));
        Assert.Equal(10080, Content.Item(CheckInMeasure.PhoneFreeMinutes).Max);
        Assert.Equal("5 or more", Content.Item(CheckInMeasure.Appreciation).MaxLabel);
        Assert.NotNull(Content.Item(CheckInMeasure.Repair).NoTensionLabel);
        Assert.Equal(1000, Content.Needs.MaxLength);
        Assert.InRange(Content.SafetyPulse.Items.Count, 1, 2);
        Assert.True(Content.GroundRules.Rules.Count >= 3);
    }

    [Fact]
    public void Ground_rules_cover_listening_no_criticism_and_i_statements()
    {
        var rules = string.Join(" ", Content.GroundRules.Rules);

        Assert.Contains("listens", rules, StringComparison.Ordinal);
        Assert.Contains("not about what kind of person anyone is", rules, StringComparison.Ordinal);
        Assert.Contains("\"I felt...\"", rules, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""{"version":"x","timeFrame":"t","intro":"i","groundRules":{"title":"a","intro":"b","rules":["one","two"]},"items":[],"needs":{"text":"n","hint":"h","maxLength":10},"safetyPulse":{"intro":"p","items":[{"id":"a","text":"b"}]}}""")]
    public void Malformed_content_fails_fast(string json)
    {
        Assert.Throws<Hearth.Core.ContentFiles.ContentFileException>(() => CheckInContent.Parse(json));
    }

    [Fact]
    public void Content_that_changes_a_range_is_refused()
    {
        using var stream = typeof(CheckInContent).Assembly.GetManifestResourceStream(CheckInContent.WeeklyResourceName)!;
        var json = new StreamReader(stream).ReadToEnd().Replace("\"max\": 10,", "\"max\": 5,", StringComparison.Ordinal);

        var error = Assert.Throws<Hearth.Core.ContentFiles.ContentFileException>(() => CheckInContent.Parse(json));
        Assert.Equal("Check-in item 'satisfaction' must run from 0 to 10.", error.Message);
    }

    public static TheoryData<CheckInAnswers, string, CheckInProblem> BadAnswers => new()
    {
        { new CheckInAnswers(Satisfaction: 11), "satisfaction", CheckInProblem.OutOfRange },
        { new CheckInAnswers(Satisfaction: -1), "satisfaction", CheckInProblem.OutOfRange },
        { new CheckInAnswers(Closeness: 0), "closeness", CheckInProblem.OutOfRange },
        { new CheckInAnswers(Closeness: 8), "closeness", CheckInProblem.OutOfRange },
        { new CheckInAnswers(FeltHeard: 8), "feltHeard", CheckInProblem.OutOfRange },
        { new CheckInAnswers(PhoneFreeMinutes: 10081), "phoneFreeMinutes", CheckInProblem.OutOfRange },
        { new CheckInAnswers(PhoneFreeMinutes: -5), "phoneFreeMinutes", CheckInProblem.OutOfRange },
        { new CheckInAnswers(Appreciation: 6), "appreciation", CheckInProblem.OutOfRange },
        { new CheckInAnswers(Repair: 0), "repair", CheckInProblem.OutOfRange },
        { new CheckInAnswers(Repair: 5, NoTension: true), "repair", CheckInProblem.RepairAndNoTension },
        { new CheckInAnswers(WarningSigns: 0), "warningSigns", CheckInProblem.OutOfRange },
        { new CheckInAnswers(WarningSigns: 6), "warningSigns", CheckInProblem.OutOfRange },
        { new CheckInAnswers(Needs: new string('a', 1001)), "needs", CheckInProblem.TextTooLong },
        { new CheckInAnswers(NeedsDimension: Dimension.Emotional), "needsDimension", CheckInProblem.TagWithoutText },
        { new CheckInAnswers(Needs: "More walks", NeedsDimension: (Dimension)9), "needsDimension", CheckInProblem.UnknownDimension },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void Each_bad_field_gets_its_own_specific_error(CheckInAnswers answers, string field, CheckInProblem problem)
    {
        var error = Assert.Single(CheckInAnswers.Validate(Content, answers));

        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
        Assert.Throws<ArgumentException>(() => answers.ToRecord(Content, Week));
    }

    [Fact]
    public void Specific_messages_name_the_limits()
    {
        var errors = CheckInAnswers.Validate(Content, new CheckInAnswers(PhoneFreeMinutes: 20000, Appreciation: 9));

        Assert.Equal(
            ["Phone-free minutes must be between 0 and 10080, the number of minutes in a week.", "Please choose a number from 0 to 5 (5 means \"5 or more\")."],
            errors.Select(e => e.Message));
    }

    public static TheoryData<CheckInAnswers> GoodAnswers => new()
    {
        new CheckInAnswers(),
        new CheckInAnswers(0, 1, 1, 0, 0, 1),
        new CheckInAnswers(10, 7, 7, 10080, 5, 7, Needs: new string('a', 1000), NeedsDimension: Dimension.Spiritual),
        new CheckInAnswers(7, 5, NoTension: true, Needs: "  more slow mornings  "),
        new CheckInAnswers(WarningSigns: 1),
        new CheckInAnswers(6, WarningSigns: 5),
    };

    [Fact]
    public void The_warning_signs_item_is_an_optional_frequency_scale_in_our_words()
    {
        var item = Content.Item(CheckInMeasure.WarningSigns);

        Assert.Equal((1, 5), (item.Min, item.Max));
        Assert.Equal(("Never", "Very often"), (item.MinLabel, item.MaxLabel));
        Assert.Contains("defensive", item.Text, StringComparison.Ordinal);
        Assert.NotNull(item.Hint);
        Assert.True(CheckInMeasure.WarningSigns.Info().HigherIsHarder);
        Assert.Null(new CheckInAnswers(Satisfaction: 7).ToRecord(Content, Week).WarningSigns);
        Assert.NotEqual(item.Text, CheckInContent.For("de").Item(CheckInMeasure.WarningSigns).Text);
    }

    [Theory]
    [MemberData(nameof(GoodAnswers))]
    public void Valid_answers_including_skips_are_accepted(CheckInAnswers answers)
    {
        Assert.Empty(CheckInAnswers.Validate(Content, answers));
        var record = answers.ToRecord(Content, Week);
        Assert.Equal(Week, record.Week);
        Assert.Equal("weekly.v1", record.ContentVersion);
        foreach (var measure in CheckInMeasures.All)
        {
            Assert.Equal(answers.Value(measure), record.Value(measure));
        }
    }

    [Fact]
    public void Free_text_is_trimmed_and_blank_text_drops_nothing_else()
    {
        Assert.Equal("more slow mornings", new CheckInAnswers(Needs: "  more slow mornings  ").ToRecord(Content, Week).Needs);
        Assert.Null(new CheckInAnswers(Needs: "   ").ToRecord(Content, Week).Needs);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(false, null, false)]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(null, true, true)]
    public void Safety_pulse_is_endorsed_by_any_yes(bool? afraid, bool? controlled, bool endorsed)
    {
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (afraid is { } a)
        {
            answers["pulse.afraid"] = a;
        }

        if (controlled is { } c)
        {
            answers["pulse.controlled"] = c;
        }

        var pulse = new SafetyPulse(answers);
        Assert.Equal(endorsed, pulse.AnyEndorsed);
        Assert.Empty(SafetyPulse.Validate(Content, pulse));
    }

    [Fact]
    public void The_safety_pulse_never_reaches_the_record_or_blocks_it()
    {
        var yes = new SafetyPulse(new Dictionary<string, bool>(StringComparer.Ordinal) { ["pulse.afraid"] = true, ["no.such.item"] = true });
        var answers = new CheckInAnswers(6, 4, 5, 120, 3, NoTension: true);

        Assert.Empty(CheckInAnswers.Validate(Content, answers with { Safety = yes }));
        Assert.Equal(answers.ToRecord(Content, Week), (answers with { Safety = yes }).ToRecord(Content, Week));
        Assert.DoesNotContain(typeof(CheckInRecord).GetProperties(), p => p.PropertyType == typeof(SafetyPulse) || p.Name.Contains("Safety", StringComparison.Ordinal));
        Assert.Equal("no.such.item", Assert.Single(SafetyPulse.Validate(Content, yes)).Field);
    }
}
