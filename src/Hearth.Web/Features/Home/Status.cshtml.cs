using Hearth.Web.Features.Spaces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Home;

/// <summary>Friendly pages for 4xx answers. The same words whether a thing is missing or not yours.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>Set when a page or form of a closed space was asked for (<see cref="ClosedSpaces"/>).</summary>
    public ClosedSpaceNotice? ClosedSpace { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        ClosedSpace = code == StatusCodes.Status410Gone ? HttpContext.Items[ClosedSpaces.ItemKey] as ClosedSpaceNotice : null;
        (Heading, Message) = code switch
        {
            404 => ("We couldn't find that", "The page isn't here. It may have moved, or the link may be incomplete."),
            410 when ClosedSpace is not null => (ClosedSpaces.TitleFor(HttpContext), ClosedSpaces.DetailFor(HttpContext)),
            410 => ("This isn't here any more", "What this address showed is no longer available."),
            400 => ("That didn't work", "Something in the request couldn't be read. Please go back and try again."),
            403 => ("Not available", "This page isn't available to you."),
            429 => ("Please slow down", "That was a lot of tries in a short time. Please wait a little and try again."),
            _ => ("That didn't work", "Please go back and try again."),
        };
    }
}
