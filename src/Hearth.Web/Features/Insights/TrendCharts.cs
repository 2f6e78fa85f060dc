using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// A weekly line chart drawn on the server as SVG: each week's answer as a dot, the 3-week rolling
/// mean as a line. Hidden from screen readers (aria-hidden) because a table with the same numbers
/// is always beside it.
/// </summary>
public static class TrendCharts
{
    private const double Width = 320, Height = 160, Left = 28, Right = 8, Top = 10, Bottom = 28;

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static IHtmlContent Line(MeasureTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var points = trend.Points;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart trend\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">");
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (points.Count <= 1 ? plotWidth / 2 : plotWidth * i / (points.Count - 1));
        double Y(double v) => Top + plotHeight - (plotHeight * (Math.Clamp(v, trend.Min, trend.Max) - trend.Min) / Math.Max(1e-9, trend.Max - trend.Min));

        foreach (var tick in new[] { trend.Min, (trend.Min + trend.Max) / 2, trend.Max })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(Left)}\" y1=\"{F(Y(tick))}\" x2=\"{F(Width - Right)}\" y2=\"{F(Y(tick))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(Left - 4)}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\">{F(tick)}</text>");
        }

        var line = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Rolling is { } r)
            {
                line.Append(line.Length == 0 ? "M" : " L").Append(F(X(i))).Append(',').Append(F(Y(r)));
            }
        }

        if (line.Length > 0)
        {
            svg.Append("<path class=\"series rolling\" d=\"").Append(line).Append("\"/>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot week\" cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3.5\"/>");
            }
        }

        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(X(0))}\" y=\"{F(Height - 10)}\" text-anchor=\"start\">{WeekLabel(points[0].Week)}</text>");
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(X(points.Count - 1))}\" y=\"{F(Height - 10)}\" text-anchor=\"end\">{WeekLabel(points[^1].Week)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// The pair's two views on one chart: each member's answers as their own line and dots (yours
    /// solid, theirs dashed), never an average of the two.
    /// </summary>
    public static IHtmlContent TwoLines(BothViewsTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var points = trend.Points;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart trend both\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">");
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (points.Count <= 1 ? plotWidth / 2 : plotWidth * i / (points.Count - 1));
        double Y(double v) => Top + plotHeight - (plotHeight * (Math.Clamp(v, trend.Min, trend.Max) - trend.Min) / Math.Max(1e-9, trend.Max - trend.Min));
        foreach (var tick in new[] { trend.Min, (trend.Min + trend.Max) / 2, trend.Max })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(Left)}\" y1=\"{F(Y(tick))}\" x2=\"{F(Width - Right)}\" y2=\"{F(Y(tick))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(Left - 4)}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\">{F(tick)}</text>");
        }

        foreach (var (name, value) in new (string, Func<BothViewsPoint, double>)[] { ("yours", p => p.Yours), ("theirs", p => p.Theirs) })
        {
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"series {name}\" d=\"");
                for (var i = 0; i < points.Count; i++)
                {
                    svg.Append(i == 0 ? "M" : " L").Append(F(X(i))).Append(',').Append(F(Y(value(points[i]))));
                }

                svg.Append("\"/>");
            }

            for (var i = 0; i < points.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot {name}\" cx=\"{F(X(i))}\" cy=\"{F(Y(value(points[i])))}\" r=\"3.5\"/>");
            }
        }

        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(X(0))}\" y=\"{F(Height - 10)}\" text-anchor=\"start\">{WeekLabel(points[0].Week)}</text>");
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(X(points.Count - 1))}\" y=\"{F(Height - 10)}\" text-anchor=\"end\">{WeekLabel(points[^1].Week)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"2026-06-01" as "1 Jun" (in German "1. Juni"), in the request's language; as it is in the pseudo-locale (no English month names there).</summary>
    public static string WeekLabel(string isoWeek) =>
        !string.Equals(CultureInfo.CurrentUICulture.Name, Hearth.Core.Languages.HearthLanguages.Pseudo, StringComparison.OrdinalIgnoreCase)
        && DateOnly.TryParseExact(isoWeek, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString(DayAndMonth(), Culture())
            : isoWeek;

    /// <summary>A number to one decimal the request's language's way ("4.5", in German "4,5").</summary>
    public static string Show(double? value) => value is { } v ? v.ToString("0.#", Culture()) : "–";

    /// <summary>English formats for English and the pseudo-locale, the language's own otherwise.</summary>
    private static CultureInfo Culture() =>
        Hearth.Core.Languages.HearthLanguages.Match(CultureInfo.CurrentCulture.Name) is { } language && language != Hearth.Core.Languages.HearthLanguages.English
            ? CultureInfo.GetCultureInfo(language)
            : CultureInfo.InvariantCulture;

    private static string DayAndMonth() =>
        Hearth.Core.Languages.HearthLanguages.Match(CultureInfo.CurrentCulture.Name) == Hearth.Core.Languages.HearthLanguages.German ? "d. MMM" : "d MMM";
}
