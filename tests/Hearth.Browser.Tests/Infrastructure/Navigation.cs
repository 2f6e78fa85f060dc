using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Infrastructure;

/// <summary>
/// Waiting for the next page by its address alone. Playwright's WaitForURLAsync waits for the
/// page's load event by default; under load in CI that event (every image, the service worker's
/// first install fetching the offline page) came more than 30 s after the page itself, and
/// journeys timed out on a page that was already there. The step after the wait always checks
/// something a person sees on the new page, which is the real proof it arrived.
/// </summary>
public static class Navigation
{
    public static Task WaitForPathAsync(this IPage page, Func<string, bool> path) =>
        page.WaitForURLAsync(url => path(new Uri(url).AbsolutePath), new() { WaitUntil = WaitUntilState.Commit });
}
