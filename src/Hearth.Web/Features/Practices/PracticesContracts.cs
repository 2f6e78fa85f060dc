using Hearth.Core.Dimensions;

namespace Hearth.Web.Features.Practices;

public sealed record PracticeView(
    string Id,
    string Title,
    string HowTo,
    IReadOnlyList<string> Dimensions,
    int Minutes,
    string Setting,
    bool WorksApart,
    string Why,
    bool OnOurList);

public sealed record PracticeFilter(string? Dimension, bool? WorksApart);

/// <param name="Dimension">The kind of closeness asked for, if any.</param>
/// <param name="WorksApart">Only practices that work at a distance are listed.</param>
/// <param name="Practices">The practices.</param>
/// <param name="LivingApart">The pair said "we live apart": the list is always only what works at a distance.</param>
public sealed record PracticeListView(string? Dimension, bool WorksApart, IReadOnlyList<PracticeView> Practices, bool LivingApart);
