using Hearth.Web.Features.Spaces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Home;

/// <summary>Friendly pages for 4xx answers. The same words whether a thing is missing or not yours.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<HomeText> text) : PageModel
{
    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>Set when a page or form of a closed space was asked for (<see cref="ClosedSpaces"/>).</summary>
    public ClosedSpaceNotice? ClosedSpace { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    /// <summary>A refused PUT, DELETE or PATCH comes back here with its own verb, which has no handler: described all the same (UnknownHandlerFilter).</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            Describe(code);
        }
    }

    private void Describe(int code)
    {
        ClosedSpace = code == StatusCodes.Status410Gone ? HttpContext.Items[ClosedSpaces.ItemKey] as ClosedSpaceNotice : null;
        var key = code switch
        {
            404 => "NotFound",
            410 => "Gone",
            400 => "BadRequest",
            403 => "Forbidden",
            429 => "TooMany",
            _ => "Other",
        };
        (Heading, Message) = ClosedSpace is not null
            ? (ClosedSpaces.TitleFor(HttpContext), ClosedSpaces.DetailFor(HttpContext))
            : (text[$"{key}Heading"], text[$"{key}Text"]);
    }
}
