using System.Globalization;
using Hearth.Core.Learning;

namespace Hearth.Web.Features.Learn;

public static class LearnEndpoints
{
    /// <summary>The library in the request's language (English by default; ids, topics and dimensions stay wire values).</summary>
    public static LearnView View()
    {
        var library = LearnLibrary.For(CultureInfo.CurrentUICulture.Name);
        return new LearnView(
            library.Cards.Select(c => new LearnCardView(c.Id, c.Topic.WireName(), c.Dimension is { } d ? Core.Dimensions.DimensionCatalog.WireName(d) : null, c.Title, c.Body, c.TryToday)).ToList(),
            library.ReflectionQuestions.Select(q => q.Text).ToList(),
            library.FirstSteps.Select(s => s.Text).ToList());
    }

    public static RouteGroupBuilder MapLearnApi(this RouteGroupBuilder api)
    {
        api.MapGet("/learn", () => TypedResults.Ok(View()))
            .WithTags("Learn")
            .AllowAnonymous()
            .WithSummary("Short cards about closeness, three questions to reflect on and three first steps. No account needed.");
        return api;
    }
}
