using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.Tests.CheckIns;

public sealed class TalkThroughAgendaTests
{
    private static readonly LocalDate Week = new(2026, 11, 30);

    [Fact]
    public void Appreciations_come_first_then_what_went_well_one_thing_one_need_and_the_agreement()
    {
        var agenda = TalkThroughPlanner.Plan(Record(), Record());

        Assert.Equal(
            [TalkThroughStep.Appreciations, TalkThroughStep.WentWell, TalkThroughStep.WorkOn, TalkThroughStep.Need, TalkThroughStep.Agreement],
            agenda.Steps.Select(s => s.Step));
        Assert.InRange(agenda.TotalMinutes, 10, 20);
    }

    // Satisfaction, closeness, felt heard, minutes, appreciation, repair for each of the two; -1 skipped.
    [Theory]
    [InlineData("8,6,6,120,4,6", "7,5,5,90,3,5", "satisfaction,closeness,feltHeard,phoneFreeMinutes,appreciation,repair", null)]
    [InlineData("8,6,6,120,4,6", "7,5,2,90,3,5", "satisfaction,closeness,phoneFreeMinutes,appreciation,repair", "feltHeard")]
    [InlineData("8,6,6,120,4,2", "7,3,2,30,0,5", "satisfaction", "feltHeard")] // several low: only one
    [InlineData("8,6,6,120,4,2", "7,3,6,30,0,5", "satisfaction,feltHeard", "repair")]
    [InlineData("3,6,6,120,4,6", "7,5,5,90,3,5", "closeness,feltHeard,phoneFreeMinutes,appreciation,repair", "satisfaction")]
    [InlineData("8,6,6,40,4,6", "7,5,5,90,3,5", "satisfaction,closeness,feltHeard,appreciation,repair", "phoneFreeMinutes")]
    [InlineData("6,4,4,70,2,4", "5,4,4,70,2,4", "phoneFreeMinutes", null)] // in the middle: nothing low, little "well"
    [InlineData("-1,-1,-1,-1,-1,-1", "8,6,6,120,4,6", "", null)] // skipped questions are neither
    public void What_went_well_is_for_both_and_the_one_thing_is_low_for_either(string first, string second, string wentWell, string? workOn)
    {
        var agenda = TalkThroughPlanner.Plan(Record(first), Record(second));

        Assert.Equal(wentWell, string.Join(",", agenda.WentWell.Select(m => m.WireName())));
        Assert.Equal(workOn, agenda.WorkOn?.WireName());
    }

    [Fact]
    public void The_order_of_the_two_check_ins_does_not_matter()
    {
        var a = Record("8,6,6,120,4,2");
        var b = Record("7,3,2,30,0,5");

        var forward = TalkThroughPlanner.Plan(a, b);
        var backward = TalkThroughPlanner.Plan(b, a);

        Assert.Equal(forward.WentWell, backward.WentWell);
        Assert.Equal(forward.WorkOn, backward.WorkOn);
        Assert.Equal(forward.Focus, backward.Focus);
    }

    [Theory]
    [InlineData("8,6,2,120,4,6", null, Dimension.Emotional)]
    [InlineData("8,6,6,30,4,6", null, Dimension.Experiential)]
    [InlineData("8,6,6,120,4,6", Dimension.Intellectual, Dimension.Intellectual)] // nothing low: what they tagged
    [InlineData("3,6,6,120,4,6", Dimension.Spiritual, Dimension.Spiritual)]
    [InlineData("8,6,6,120,4,6", null, null)]
    public void Suggested_practices_come_from_the_one_thing_or_else_the_tagged_need(string answers, Dimension? tag, Dimension? focus)
    {
        var agenda = TalkThroughPlanner.Plan(Record(answers) with { NeedsDimension = tag, Needs = tag is null ? null : "more walks" }, Record());

        Assert.Equal(focus, agenda.Focus);
    }

    private static CheckInRecord Record(string answers = "8,6,6,120,4,6")
    {
        var v = answers.Split(',').Select(int.Parse).Select(n => n < 0 ? (int?)null : n).ToArray();
        return new CheckInRecord(Week, "weekly.v1", v[0], v[1], v[2], v[3], v[4], v[5], false, null, null);
    }
}
