using System.Globalization;
using System.Text.Json;
using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Performance;

/// <summary>
/// What a cheap phone on a slow connection pays for the pages a pair opens most: bytes over the wire
/// with a cold cache, requests to anyone but Hearth, and whether the largest thing painted is real
/// content that came in the first HTML (not a placeholder filled in later). These are sizes and
/// origins, not timings, so they can be tests; paint timings are printed for docs/performance.md.
/// </summary>
public sealed class PageWeightTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Dashboard and check-in at most 60 kB transferred on a phone with a cold cache (docs/performance.md).</summary>
    private const long BudgetBytes = 60 * 1024;

    private static async Task<IAPIResponse> PostJsonAsync(IBrowserContext context, string method, string url, object body)
    {
        var response = await context.APIRequest.FetchAsync(url, new()
        {
            Method = method,
            DataString = JsonSerializer.Serialize(body),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.True(response.Ok, $"{method} {url} answered {response.Status}: {await response.TextAsync()}");
        return response;
    }

    [Fact]
    public async Task The_pages_a_pair_opens_most_are_light_first_party_and_paint_real_content_on_a_phone()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync(forAccessibilityChecks: false);
        await using var benContext = await browser.NewPersonAsync(forAccessibilityChecks: false);
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();

        // A pair with a ritual, a week of check-ins from both and today's question answered.
        var spaceUrl = await Person.PairAsync(ana, ben);
        var spaceId = spaceUrl.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];

        await PostJsonAsync(anaContext, "PUT", $"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00", timeZoneId = "Europe/London" });
        foreach (var context in new[] { anaContext, benContext })
        {
            await PostJsonAsync(context, "POST", $"/api/v1/spaces/{spaceId}/check-in", new
            {
                satisfaction = 7, closeness = 6, feltHeard = 6, phoneFreeMinutes = 180, appreciation = 5, repair = 6,
                needs = "More walks after dinner, fewer late screens.", needsDimension = "experiential",
            });
        }

        var pages = new (string Name, string Path, bool Budgeted)[]
        {
            ("dashboard", spaceUrl, true),
            ("check-in", spaceUrl + "/check-in", true),
            ("today's question", spaceUrl + "/today", false),
            ("trends", spaceUrl + "/trends", false),
        };
        var report = new List<string>();
        var over = new List<string>();
        foreach (var (name, path, budgeted) in pages)
        {
            var load = await LoadColdAsync(ana, path);
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} {load.Bytes / 1024.0,6:0.0} kB in {load.Requests} requests; first contentful paint {load.FirstContentfulPaint:0} ms, largest {load.LargestContentfulPaint:0} ms ({load.LargestElement})"));

            Assert.True(load.Status == 200, $"{name} answered {load.Status}");
            Assert.True(load.ThirdParty.Count == 0, $"{name} asked someone other than Hearth for: {string.Join(", ", load.ThirdParty)}");
            Assert.True(load.LargestElement.Length > 0, $"{name}: the browser reported no largest contentful paint");
            Assert.True(load.LargestInFirstHtml, $"{name}: the largest thing painted ({load.LargestElement}) was not in the first HTML, so the page paints a placeholder first");
            if (budgeted && load.Bytes > BudgetBytes)
            {
                over.Add($"{name}: {load.Bytes} bytes");
            }
        }

        var summary = "page weight at 390x844, cold cache:\n  " + string.Join("\n  ", report);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(PageChecks.ArtifactsDirectory)!, "page-weight.txt"), summary + "\n");
        Assert.True(over.Count == 0, $"Over the {BudgetBytes}-byte budget: {string.Join("; ", over)}\n{summary}");
    }

    private sealed record ColdLoad(int Status, long Bytes, int Requests, IReadOnlyList<string> ThirdParty, double FirstContentfulPaint, double LargestContentfulPaint, string LargestElement, bool LargestInFirstHtml);

    /// <summary>Empties the browser cache, loads the page and sums what came over the wire (headers included).</summary>
    private async Task<ColdLoad> LoadColdAsync(IPage page, string path)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.clearBrowserCache");
        long bytes = 0;
        var requests = 0;
        var thirdParty = new List<string>();
        var origin = new Uri(browser.BaseUrl).GetLeftPart(UriPartial.Authority);
        void OnRequest(object? sender, JsonElement? e)
        {
            var url = e!.Value.GetProperty("request").GetProperty("url").GetString() ?? "";
            if (!url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal))
            {
                thirdParty.Add(url);
            }

            Interlocked.Increment(ref requests);
        }

        void OnFinished(object? sender, JsonElement? e) => Interlocked.Add(ref bytes, (long)e!.Value.GetProperty("encodedDataLength").GetDouble());
        cdp.Event("Network.requestWillBeSent").OnEvent += OnRequest;
        cdp.Event("Network.loadingFinished").OnEvent += OnFinished;

        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var html = response is null ? "" : await response.TextAsync();
        var paint = await page.EvaluateAsync<JsonElement>("""
            () => new Promise(resolve => {
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              new PerformanceObserver(list => {
                const entries = list.getEntries();
                const last = entries[entries.length - 1];
                const el = last.element;
                resolve({
                  fcp: fcp ? fcp.startTime : -1,
                  lcp: last.startTime,
                  tag: el ? el.tagName.toLowerCase() : '',
                  text: el ? (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60) : '',
                  id: el && el.id ? el.id : '',
                });
              }).observe({ type: 'largest-contentful-paint', buffered: true });
            })
            """);
        cdp.Event("Network.requestWillBeSent").OnEvent -= OnRequest;
        cdp.Event("Network.loadingFinished").OnEvent -= OnFinished;
        await cdp.DetachAsync();

        var tag = paint.GetProperty("tag").GetString() ?? "";
        var text = paint.GetProperty("text").GetString() ?? "";
        // Real content in the first HTML: the painted element's words were sent by the server.
        var firstWords = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        var inFirstHtml = tag.Length > 0 && (firstWords.Length == 0 ? html.Contains('<' + tag, StringComparison.Ordinal) : System.Net.WebUtility.HtmlDecode(html).Contains(firstWords, StringComparison.Ordinal));
        return new ColdLoad(
            response?.Status ?? 0, Interlocked.Read(ref bytes), requests, thirdParty,
            paint.GetProperty("fcp").GetDouble(), paint.GetProperty("lcp").GetDouble(),
            $"<{tag}> \"{text}\"", inFirstHtml);
    }
}
