namespace Hearth.Web.Features.Insights;

/// <summary>
/// The words of the trends page, its plan and counselling parts, and the insight service's messages:
/// InsightsText.resx (English) and its translations. The insights' own sentences are content
/// (Hearth.Core Insights/Content/insights.v1.json, read through InsightTexts.For).
/// </summary>
public sealed class InsightsText;
