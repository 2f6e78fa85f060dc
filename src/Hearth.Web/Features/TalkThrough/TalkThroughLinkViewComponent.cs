using Microsoft.AspNetCore.Mvc;

namespace Hearth.Web.Features.TalkThrough;

/// <summary>On the space page, once both have checked in this week: an invitation to talk it through. Nothing before.</summary>
public sealed class TalkThroughLinkViewComponent : ViewComponent
{
    public sealed record Link(Guid SpaceId, bool BothCheckedIn);

    public IViewComponentResult Invoke(Guid spaceId, bool bothCheckedIn) =>
        View("/Features/TalkThrough/_Link.cshtml", new Link(spaceId, bothCheckedIn));
}
