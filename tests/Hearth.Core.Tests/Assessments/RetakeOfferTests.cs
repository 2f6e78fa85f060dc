using Hearth.Core.Assessments;

namespace Hearth.Core.Tests.Assessments;

public sealed class RetakeOfferTests
{
    private static readonly DateTimeOffset Finished = new(2026, 1, 5, 19, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, false, 13, false)] // just finished
    [InlineData(12, false, 13, false)] // a week early
    [InlineData(13, false, 13, true)] // about three months
    [InlineData(30, false, 13, true)] // stays until a retake
    [InlineData(13, true, 13, false)] // a retake in progress: the offer has been taken up
    [InlineData(8, false, 8, true)] // the pair chose two months
    [InlineData(40, false, null, false)] // turned off
    public void The_offer_appears_after_the_interval_and_not_when_off_or_in_progress(int weeksLater, bool inProgress, int? interval, bool due)
    {
        Assert.Equal(due, RetakeOffer.IsDue(Finished, inProgress, interval, Finished.AddDays(7 * weeksLater)));
    }

    [Fact]
    public void Without_a_finished_round_there_is_nothing_to_retake()
    {
        Assert.False(RetakeOffer.IsDue(null, false, RetakeOffer.DefaultWeeks, Finished.AddYears(1)));
        Assert.Null(RetakeOffer.DueAt(null, false, RetakeOffer.DefaultWeeks));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(13, true)]
    [InlineData(52, true)]
    [InlineData(53, false)]
    public void Intervals_run_from_a_month_to_a_year(int weeks, bool valid)
    {
        Assert.Equal(valid, RetakeOffer.IsValidInterval(weeks));
    }
}
