using System.Text.Json;
using Hearth.Browser.Tests.Infrastructure;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// Pages that hold up in real use, tried as two new people on phones would: the other person
/// leaving mid-sentence, reloading a new invitation link, dead links, long words, resubmits.
/// </summary>
public sealed class RealUseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Ana signs up and starts a space; returns its path.</summary>
    private static async Task<string> StartSpaceAsync(IPage ana, string? label = null)
    {
        await Person.SignUpAsync(ana, "Ana");
        return await Person.CreateSpaceAsync(ana, label: label);
    }

    private async Task<(IBrowserContext Ana, IBrowserContext Ben, IPage AnaPage, IPage BenPage, string SpacePath)> PairAsync(string? label = null)
    {
        var anaContext = await browser.NewPersonAsync();
        var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var space = await Person.PairAsync(ana, ben, label: label);
        return (anaContext, benContext, ana, ben, space);
    }

    private static async Task LeaveAsync(IPage page, string spacePath)
    {
        await page.GotoAsync(spacePath + "/leave");
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave and close the space" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That space is no longer in your list.", new() { Exact = false })).ToBeVisibleAsync();
    }

    /// <summary>Goes to a page, after any navigation a form just started has finished.</summary>
    private static async Task<IResponse?> GoAsync(IPage page, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await page.GotoAsync(url);
            }
            catch (PlaywrightException e) when (attempt < 4 && e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }
        }
    }

    private static async Task<int> ScrollWidthAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");

    [Fact]
    public async Task After_the_other_person_leaves_every_page_says_the_space_is_closed_and_keeps_the_words_being_sent()
    {
        browser.RequireAvailable();
        var (anaContext, benContext, ana, ben, space) = await PairAsync();
        await using var _ = anaContext;
        await using var __ = benContext;

        // Ben is writing a note when Ana leaves.
        await ben.GotoAsync(space + "/notes");
        const string words = "Thank you for the long walk on Sunday <b>and</b> the soup after.";
        await ben.GetByLabel("Your words").FillAsync(words);
        await LeaveAsync(ana, space);
        await ben.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "This space is closed" })).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByLabel("What you were writing")).ToHaveValueAsync(words);
        await Assertions.Expect(ben.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("Ana");
        await ben.ScreenshotAsync("r1-closed-while-writing");
        await ben.AssertAccessibleAsync("closed while writing");

        // Every page and API call of the space, from the app's own endpoint list.
        var spaceId = space.Split('/')[2];
        var endpoints = browser.App!.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"], IsPage: !e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)))
            .Where(e => e.Route.StartsWith("/spaces/{spaceId", StringComparison.OrdinalIgnoreCase) || e.Route.StartsWith("/api/v1/spaces/{spaceId", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        Assert.NotEmpty(endpoints);
        var failures = new List<string>();
        var tried = 0;
        foreach (var (route, methods, isPage) in endpoints)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{spaceId[^}]*\}", spaceId);
            url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+\}", Guid.NewGuid().ToString());
            foreach (var method in isPage ? ["GET", "POST"] : methods)
            {
                // Leaving a closed space removes it from the list, and the space page itself is the notice.
                if (method == "POST" && url.EndsWith("/leave", StringComparison.Ordinal))
                {
                    continue;
                }

                tried++;
                var api = url.StartsWith("/api/", StringComparison.Ordinal);
                var response = await benContext.APIRequest.FetchAsync(url, new()
                {
                    Method = method,
                    Headers = api && method != "GET" ? new Dictionary<string, string> { ["Content-Type"] = "application/json" } : null,
                    DataString = api && method != "GET" ? "{}" : null,
                    Form = !api && method == "POST" ? FormOf(benContext.APIRequest, ("Input.Text", "a few words")) : null,
                    MaxRedirects = 0,
                });
                var body = await response.TextAsync();
                // 410 with the notice everywhere; the space's own view (its page, API view and dashboard) says closed with 200.
                var ok = api
                    ? (response.Status == 410 && body.Contains("\"title\":\"This space is closed\"", StringComparison.Ordinal))
                        || (response.Status == 200 && method == "GET" && body.Contains("\"state\":\"closed\"", StringComparison.Ordinal))
                    : (response.Status == 410 || (response.Status == 200 && method == "GET" && route == "/spaces/{spaceId:guid}"))
                        && body.Contains("This space is closed", StringComparison.Ordinal);
                if (!ok || body.Contains("Ana", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {route}: {response.Status} {body[..Math.Min(body.Length, 120)]}");
                }
            }
        }

        // The space page itself stays the notice, with the way to tidy it away.
        await ben.GotoAsync(space + "/leave");
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "This space is closed" })).ToBeVisibleAsync();
        await ben.ScreenshotAsync("r1-closed-leave-page");
        SecurityReport.Record("closed space answers neutrally everywhere", "sqlite", tried, failures.Count, "RealUseJourneyTests.After_the_other_person_leaves_every_page_says_the_space_is_closed_and_keeps_the_words_being_sent", "every page (GET and form post) and API call under a closed space, by the member who stayed");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} answers were not the closed notice:\n" + string.Join('\n', failures));
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    [Fact]
    public async Task Reloading_the_page_with_a_new_invitation_link_keeps_the_link_already_sent()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        await StartSpaceAsync(ana);
        var link = await Person.InviteAsync(ana);
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.DoesNotContain(token, ana.Url, StringComparison.Ordinal);

        // Where the eye is, with a copy button and a short confirmation.
        var box = await ana.GetByLabel("Your invitation link").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= BrowserFixture.Phone.Height, $"The link is {box.Y} px down on an {BrowserFixture.Phone.Height} px screen.");
        await anaContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Copy the link" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Copied.", new() { Exact = false })).ToBeVisibleAsync();
        await ana.ScreenshotAsync("r2-new-link");
        await ana.AssertAccessibleAsync("new link");

        await ana.ReloadAsync();
        await ana.ReloadAsync();
        await ana.ScreenshotAsync("r2-new-link-reloaded");

        await Person.AcceptAsync(ben, link, "Ben");
        await ben.ScreenshotAsync("r2-joined-with-first-link");
    }

    [Fact]
    public async Task A_dead_invitation_link_says_so_before_anyone_creates_an_account()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var strangerContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var stranger = await strangerContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var space = await StartSpaceAsync(ana, "Our secret garden");

        var withdrawn = await Person.InviteAsync(ana);
        var used = await Person.InviteAsync(ana);
        await Person.AcceptAsync(ben, used, "Ben");
        var tampered = withdrawn[..^3] + (withdrawn[^3] == 'A' ? "B" : "A") + withdrawn[^2..];
        var baseUrl = browser.BaseUrl;
        var dead = new (string Name, string Url)[]
        {
            ("withdrawn", withdrawn), ("used", used), ("tampered", tampered), ("cut short", withdrawn[..^10]),
            // A %00 is refused by Kestrel itself, before Hearth sees the request (an empty 400); not here yet.
            ("junk", baseUrl + "/join/%FF%FE"), ("encoded slash", baseUrl + "/join/abc%2Fdef"), ("spaces", baseUrl + "/join/%20%20"),
            ("very long", baseUrl + "/join/" + new string('x', 3000)),
        };
        var failures = new List<string>();
        foreach (var (name, url) in dead)
        {
            IResponse? response = null;
            var main = "";
            try
            {
                response = await stranger.GotoAsync(url);
                main = await stranger.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            }
            catch (PlaywrightException e)
            {
                main = e.Message;
            }

            if (!main.Contains("This link can't be used", StringComparison.Ordinal) || main.Contains("invited", StringComparison.OrdinalIgnoreCase)
                || await stranger.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).CountAsync() > 0
                || main.Contains("Ana", StringComparison.Ordinal) || main.Contains("garden", StringComparison.Ordinal))
            {
                failures.Add($"{name}: {response?.Status} {main.Replace('\n', ' ')[..Math.Min(main.Length, 160)]}");
            }

            await stranger.ScreenshotAsync("r3-dead-link-" + name.Replace(' ', '-'));
        }

        // Expired: a link left for more than seven days.
        await ana.GotoAsync("/spaces/new");
        await ana.GetByLabel("Close friends").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start the space" }).ClickAsync();
        var expiring = await Person.InviteAsync(ana);
        browser.App!.Clock.Advance(TimeSpan.FromDays(8));
        await stranger.GotoAsync(expiring);
        var expiredText = await stranger.Locator("main").InnerTextAsync();
        if (!expiredText.Contains("This link can't be used", StringComparison.Ordinal) || expiredText.Contains("invited", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"expired: {expiredText.Replace('\n', ' ')}");
        }

        await stranger.AssertAccessibleAsync("dead link");
        SecurityReport.Record("dead invitation links tell a stranger nothing", "sqlite", dead.Length + 1, failures.Count, "RealUseJourneyTests.A_dead_invitation_link_says_so_before_anyone_creates_an_account", "withdrawn, used, expired, tampered, cut short and malformed links opened signed out");
        Assert.True(failures.Count == 0, "Dead links that still invite:\n" + string.Join('\n', failures));
        _ = space;
    }

    [Fact]
    public async Task Small_things_read_as_Hearth_does()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.Browser!.NewContextAsync(new()
        {
            ViewportSize = BrowserFixture.Phone, IsMobile = true, HasTouch = true, BaseURL = browser.BaseUrl, BypassCSP = true, Locale = "en-GB", TimezoneId = "UTC",
        });
        var ana = await anaContext.NewPageAsync();
        var space = await StartSpaceAsync(ana);
        var problems = new List<string>();

        // A browser in UTC is offered UTC.
        await ana.GotoAsync(space + "/settings");
        var zone = await ana.GetByLabel("Your shared calendar (time zone)").InputValueAsync();
        if (zone != "UTC")
        {
            problems.Add($"time zone offered: {zone}");
        }

        await ana.ScreenshotAsync("r6-settings-utc");

        // A memory from the year 1 is turned away, with the reason.
        await ana.GotoAsync(space + "/memories");
        await ana.GetByLabel("Title").FillAsync("The very beginning");
        await ana.GetByLabel("When").FillAsync("0001-01-01");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Keep this memory" }).ClickAsync();
        var memories = await ana.Locator("main").InnerTextAsync();
        if (!memories.Contains("1900", StringComparison.Ordinal))
        {
            problems.Add("a memory dated 0001-01-01 was accepted");
        }

        await ana.ScreenshotAsync("r6-memory-date");

        // Minutes by hand: too many, or a fraction, get Hearth's own words.
        foreach (var minutes in new[] { "99999999999", "1.5", "-3", "ten" })
        {
            await ana.GotoAsync(space + "/time");
            await ana.Locator("summary").First.ClickAsync();
            await ana.GetByLabel("Minutes together").EvaluateAsync("(e, v) => { e.type = 'text'; e.value = v; }", minutes);
            await ana.GetByRole(AriaRole.Button, new() { Name = "Add" }).First.ClickAsync();
            var text = await ana.Locator("main").InnerTextAsync();
            if (text.Contains("is not valid", StringComparison.Ordinal) || text.Contains("must be", StringComparison.Ordinal) || !text.Contains("minutes", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"minutes {minutes}: {text.Replace('\n', ' ')[..Math.Min(text.Length, 300)]}");
            }
        }

        await ana.ScreenshotAsync("r6-minutes");

        // A closed space in the list reads once, not twice.
        await ana.GotoAsync(space);
        await using var benContext = await browser.NewPersonAsync();
        var ben = await benContext.NewPageAsync();
        await Person.AcceptAsync(ben, await Person.InviteAsync(ana), "Ben");
        await LeaveAsync(ben, new Uri(ben.Url).AbsolutePath);
        await ana.GotoAsync("/spaces");
        var item = await ana.Locator(".space-item.is-closed").First.InnerTextAsync();
        if (System.Text.RegularExpressions.Regex.Count(item, "Romantic partners") > 1)
        {
            problems.Add($"closed space reads: {item.Replace('\n', ' ')}");
        }

        await ana.ScreenshotAsync("r6-spaces-with-closed");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task No_text_a_person_writes_makes_any_page_scroll_sideways_on_a_phone()
    {
        browser.RequireAvailable();
        var (anaContext, benContext, ana, ben, space) = await PairAsync();
        await using var _ = anaContext;
        await using var __ = benContext;

        // Crawl the pages of the paired space (and the account pages that hold a name).
        var pages = new List<string>();
        var queue = new Queue<string>([space, "/spaces", "/account/settings"]);
        while (queue.Count > 0 && pages.Count < 40)
        {
            var url = queue.Dequeue();
            if (pages.Contains(url))
            {
                continue;
            }

            pages.Add(url);
            await GoAsync(ana, url);
            var links = await ana.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))");
            foreach (var link in links.Select(l => l.Split('#')[0]).Where(l => l.StartsWith(space, StringComparison.Ordinal) && !l.EndsWith("/leave", StringComparison.Ordinal)))
            {
                queue.Enqueue(link);
            }
        }

        // Write long unbroken text into every free-text field of every form on those pages, and send it.
        const string FieldsOf = "form => [...form.querySelectorAll('textarea, input:not([type]), input[type=text], input[type=search]')].filter(f => !f.readOnly && !f.disabled)";
        var written = 0;
        var landed = new List<string>();
        foreach (var url in pages)
        {
            await GoAsync(ana, url);
            var forms = await ana.Locator("main form[method=post]").CountAsync();
            for (var i = 0; i < forms; i++)
            {
                await GoAsync(ana, url);
                if (i >= await ana.Locator("main form[method=post]").CountAsync())
                {
                    break; // the page changed with what was sent (an answer given, a timer started)
                }

                var form = ana.Locator("main form[method=post]").Nth(i);
                var fillable = await form.EvaluateAsync<int>($"f => ({FieldsOf})(f).length");
                var action = await form.GetAttributeAsync("action") ?? "";
                if (fillable == 0 || action.Contains("leave", StringComparison.Ordinal) || action.Contains("sign-out", StringComparison.Ordinal))
                {
                    continue;
                }

                // Radio groups get a choice so the form can be sent (the first of each), then each text field its words.
                await form.EvaluateAsync("f => { const seen = new Set(); for (const r of f.querySelectorAll('input[type=radio]')) { if (!seen.has(r.name)) { seen.add(r.name); if (!f.querySelector(`input[type=radio][name=\"${r.name}\"]:checked`)) r.checked = true; } } }");
                written += await form.EvaluateAsync<int>(
                    $"f => {{ let n = 0; for (const field of ({FieldsOf})(f)) {{ const max = field.maxLength > 0 ? field.maxLength : 400; field.value = 'https://example.org/' + 'W'.repeat(Math.max(1, Math.min(max, 400) - 20)); n++; }} return n; }}");
                if (await form.Locator("button[type=submit], button:not([type])").CountAsync() == 0)
                {
                    continue;
                }

                // Some forms sit in a closed <details>: send them as a person would after opening it.
                await ana.RunAndWaitForResponseAsync(
                    () => form.EvaluateAsync("f => f.querySelector('button[type=submit], button:not([type])').click()"),
                    r => r.Request.IsNavigationRequest && (r.Status < 300 || r.Status >= 400));
                await ana.WaitForLoadStateAsync(LoadState.Load);
                landed.Add(new Uri(ana.Url).PathAndQuery);
            }
        }

        // Every page, as the writer and as the other person, on a 390 px phone.
        var tried = 0;
        var wide = new List<string>();
        foreach (var url in pages.Concat(landed).Distinct())
        {
            foreach (var (who, page) in new[] { ("Ana", ana), ("Ben", ben) })
            {
                var response = await GoAsync(page, url);
                if (response is null || response.Status >= 400)
                {
                    continue;
                }

                tried++;
                var width = await ScrollWidthAsync(page);
                if (width > BrowserFixture.Phone.Width)
                {
                    wide.Add($"{who} {url}: {width} px");
                }
            }
        }

        await GoAsync(ana, space);
        await ana.ScreenshotAsync("r4-space-long-words");
        await GoAsync(ana, space + "/memories");
        await ana.ScreenshotAsync("r4-memories-long-words");
        await GoAsync(ben, space + "/notes");
        await ben.ScreenshotAsync("r4-notes-long-words");
        Assert.True(written > 5, $"Only {written} fields were written into.");
        Assert.True(wide.Count == 0, $"{wide.Count} of {tried} pages scroll sideways after {written} fields were filled with long words:\n" + string.Join('\n', wide));
    }
}
