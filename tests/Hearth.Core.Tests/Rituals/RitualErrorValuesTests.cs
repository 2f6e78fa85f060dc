using Hearth.Core.Rituals;

namespace Hearth.Core.Tests.Rituals;

/// <summary>
/// Every ritual problem carries the values its sentence names, in the sentence's order, so the app
/// can say the same sentence in another language; the English message keeps its wording.
/// </summary>
public sealed class RitualErrorValuesTests
{
    public static readonly TheoryData<string?, string?, string?, RitualProblem, string[]> RitualInputs = new()
    {
        { "sunday", "25:00", "Europe/London", RitualProblem.HourOutOfRange, ["25:00"] },
        { "sunday", "10:61", "Europe/London", RitualProblem.MinuteOutOfRange, ["10:61"] },
        { "sunday", "seven", "Europe/London", RitualProblem.NotATime, [] },
        { "sunday", "", "Europe/London", RitualProblem.Missing, [] },
        { "sunday", "19:00", "Mars/Olympus", RitualProblem.UnknownTimeZone, ["Mars/Olympus"] },
        { "sunday", "19:00", " ", RitualProblem.Missing, [] },
        { "someday", "19:00", "Europe/London", RitualProblem.UnknownDay, ["someday"] },
        { null, "19:00", "Europe/London", RitualProblem.Missing, [] },
    };

    [Theory]
    [MemberData(nameof(RitualInputs))]
    public void A_ritual_problem_names_its_values(string? day, string? time, string? zone, RitualProblem problem, string[] values)
    {
        Assert.Null(Ritual.TryCreate(day, time, zone, out var errors));
        var error = Assert.Single(errors);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(values, error.Values);
        Assert.All(values, v => Assert.Contains(v, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_waking_window_names_both_times_in_order()
    {
        Assert.Null(WakingWindow.TryCreate("08:00", "08:30", out var errors));
        var error = Assert.Single(errors);
        Assert.Equal(RitualProblem.WindowTooShort, error.Problem);
        Assert.Equal(["08:00", "08:30"], error.Values);
        Assert.Equal("Your waking hours from 08:00 to 08:30 are shorter than an hour. Please give at least an hour.", error.Message);

        Assert.Null(WakingWindow.TryCreate("08:00", "08:00", out var same));
        Assert.Empty(Assert.Single(same).Values);
    }
}
