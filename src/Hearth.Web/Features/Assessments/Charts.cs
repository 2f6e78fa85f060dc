using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// Charts drawn on the server as SVG (no script, no third-party code). Each chart is decorative
/// for screen readers (aria-hidden) because the same numbers are always in a table beside it.
/// </summary>
public static class Charts
{
    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Two people's five-dimension profiles on a radar (0-100 on each axis).</summary>
    public static IHtmlContent Radar(IReadOnlyList<(string Label, double? First, double? Second)> axes, string firstName, string secondName)
    {
        const double width = 400, size = 320, cx = 200, cy = 150, radius = 100;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart radar\" viewBox=\"0 0 {F(width)} {F(size)}\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">");
        for (var ring = 1; ring <= 4; ring++)
        {
            svg.Append("<polygon class=\"grid\" points=\"").Append(Points(axes.Count, cx, cy, radius * ring / 4, _ => 100)).Append("\"/>");
        }

        for (var i = 0; i < axes.Count; i++)
        {
            var (x, y) = Point(axes.Count, i, cx, cy, radius);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(cx)}\" y1=\"{F(cy)}\" x2=\"{F(x)}\" y2=\"{F(y)}\"/>");
            var (lx, ly) = Point(axes.Count, i, cx, cy, radius + 22);
            var anchor = Math.Abs(lx - cx) < 10 ? "middle" : lx < cx ? "end" : "start";
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(lx)}\" y=\"{F(ly + 4)}\" text-anchor=\"{anchor}\">{HtmlEncoder.Default.Encode(axes[i].Label)}</text>");
        }

        if (axes.All(a => a.First is not null))
        {
            svg.Append("<polygon class=\"series first\" points=\"").Append(Points(axes.Count, cx, cy, radius, i => axes[i].First!.Value)).Append("\"/>");
        }

        if (axes.All(a => a.Second is not null))
        {
            svg.Append("<polygon class=\"series second\" points=\"").Append(Points(axes.Count, cx, cy, radius, i => axes[i].Second!.Value)).Append("\"/>");
        }

        for (var i = 0; i < axes.Count; i++)
        {
            if (axes[i].First is { } a)
            {
                var (x, y) = Point(axes.Count, i, cx, cy, radius * a / 100);
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot first\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\"/>");
            }

            if (axes[i].Second is { } b)
            {
                var (x, y) = Point(axes.Count, i, cx, cy, radius * b / 100);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"dot second\" x=\"{F(x - 3.5)}\" y=\"{F(y - 3.5)}\" width=\"7\" height=\"7\"/>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot first\" cx=\"110\" cy=\"{F(size - 22)}\" r=\"5\"/><text class=\"legend\" x=\"122\" y=\"{F(size - 17)}\">{HtmlEncoder.Default.Encode(firstName)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"dot second\" x=\"235\" y=\"{F(size - 27)}\" width=\"10\" height=\"10\"/><text class=\"legend\" x=\"252\" y=\"{F(size - 17)}\">{HtmlEncoder.Default.Encode(secondName)}</text>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"How it feels now" against "how much it matters", one pair of bars per dimension.</summary>
    public static IHtmlContent NowAndWanted(IReadOnlyList<DimensionView> dimensions, string nowLegend, string wantedLegend)
    {
        const double width = 320, labelWidth = 0, barWidth = 300, rowHeight = 58;
        var svg = new StringBuilder();
        var height = (rowHeight * dimensions.Count) + 30;
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart bars\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">");
        for (var i = 0; i < dimensions.Count; i++)
        {
            var d = dimensions[i];
            var top = i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(labelWidth)}\" y=\"{F(top + 14)}\">{HtmlEncoder.Default.Encode(d.Title)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"0\" y=\"{F(top + 20)}\" width=\"{F(barWidth)}\" height=\"12\" rx=\"6\"/>");
            if (d.Experience.Percent is { } now)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar now\" x=\"0\" y=\"{F(top + 20)}\" width=\"{F(Math.Max(6, barWidth * now / 100))}\" height=\"12\" rx=\"6\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"0\" y=\"{F(top + 36)}\" width=\"{F(barWidth)}\" height=\"6\" rx=\"3\"/>");
            if (d.ImportancePercent is { } wanted)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar wanted\" x=\"0\" y=\"{F(top + 36)}\" width=\"{F(Math.Max(4, barWidth * wanted / 100))}\" height=\"6\" rx=\"3\"/>");
            }
        }

        var legendTop = rowHeight * dimensions.Count + 8;
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar now\" x=\"0\" y=\"{F(legendTop)}\" width=\"18\" height=\"10\" rx=\"5\"/><text class=\"legend\" x=\"24\" y=\"{F(legendTop + 9)}\">{HtmlEncoder.Default.Encode(nowLegend)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar wanted\" x=\"160\" y=\"{F(legendTop + 2)}\" width=\"18\" height=\"6\" rx=\"3\"/><text class=\"legend\" x=\"184\" y=\"{F(legendTop + 9)}\">{HtmlEncoder.Default.Encode(wantedLegend)}</text>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Two circles, from apart (1) to almost one (7), for the closeness question.</summary>
    public static IHtmlContent Circles(int value)
    {
        const double r = 16;
        var distance = (2 * r) * (1 - ((value - 1) / 6.0 * 0.9)) + (value == 1 ? 6 : 0);
        var cx1 = 40 - (distance / 2);
        var cx2 = 40 + (distance / 2);
        return new HtmlString(string.Create(
            CultureInfo.InvariantCulture,
            $"<svg class=\"circles\" viewBox=\"0 0 80 40\" aria-hidden=\"true\" focusable=\"false\"><circle class=\"self\" cx=\"{F(cx1)}\" cy=\"20\" r=\"{F(r)}\"/><circle class=\"other\" cx=\"{F(cx2)}\" cy=\"20\" r=\"{F(r)}\"/></svg>"));
    }

    private static string Points(int count, double cx, double cy, double radius, Func<int, double> percent)
    {
        var points = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var (x, y) = Point(count, i, cx, cy, radius * Math.Clamp(percent(i), 0, 100) / 100);
            points.Append(F(x)).Append(',').Append(F(y)).Append(' ');
        }

        return points.ToString().TrimEnd();
    }

    private static (double X, double Y) Point(int count, int index, double cx, double cy, double radius)
    {
        var angle = (-Math.PI / 2) + (2 * Math.PI * index / count);
        return (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)));
    }
}
