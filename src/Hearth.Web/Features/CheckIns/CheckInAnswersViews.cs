using Hearth.Core.CheckIns;

namespace Hearth.Web.Features.CheckIns;

public static class CheckInAnswersViews
{
    /// <summary>The answer to one measure, by the measure's definition.</summary>
    public static int? Value(this CheckInAnswersView view, CheckInMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(view);
        return CheckInMeasures.Pick(measure, view.Satisfaction, view.Closeness, view.FeltHeard, view.PhoneFreeMinutes, view.Appreciation, view.Repair, view.WarningSigns);
    }
}
