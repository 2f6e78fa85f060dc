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

public sealed record PracticeListView(string? Dimension, bool WorksApart, IReadOnlyList<PracticeView> Practices);
