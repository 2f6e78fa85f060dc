using System.Net;
using AngleSharp.Html.Dom;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Accounts;

/// <summary>
/// Every door that takes a return address (found from the app's own pages: any page model with a
/// ReturnUrl) against a table of hostile addresses: never a 500, never a redirect off the site, and
/// the page never renders (or hands passkeys.js) anything but a local path.
/// </summary>
public sealed class ReturnAddressTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    /// <summary>The address exactly as the server sees it once the query string is decoded.</summary>
    public static readonly IReadOnlyList<string> Hostile =
    [
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\t/evil.example", // returnUrl=%2F%09%2Fevil.example
        "/\n/evil.example",
        "/\r/evil.example",
        "/\r\n/evil.example",
        "\t//evil.example",
        " //evil.example",
        "/ /evil.example",
        "/\u3000/evil.example",
        "/\u00a0/evil.example",
        "/\u2000/evil.example",
        "/\u2028/evil.example",
        "/\u200b/evil.example",
        "/\ufeff/evil.example",
        "/\u0085/evil.example",
        "/\0/evil.example",
        "/\t\\evil.example",
        "https://evil.example",
        "http://evil.example/spaces",
        "https:/evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,hello",
        "evil.example",
        "/%2F/evil.example",
        "/%2f%2fevil.example",
        "/%5Cevil.example",
        "/%09/evil.example",
        "/%252F/evil.example",
        "%2F%2Fevil.example",
        "%0d%0aSet-Cookie:%20x=1",
        "/spaces\r\nSet-Cookie: x=1",
        "~//evil.example",
        "/" + new string('a', 2000),
    ];

    /// <summary>The doors this test drives; a new page with a ReturnUrl must be added here.</summary>
    private static readonly string[] Doors = ["/account/sign-in", "/account/register", "/account/sign-in/code", "/account/confirm", "/language"];

    [Fact]
    public void Every_page_that_takes_a_return_address_is_tested_here()
    {
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page
                && page.ModelTypeInfo?.GetProperty("ReturnUrl") is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Doors.Order(StringComparer.Ordinal), pages);
    }

    [Slow("every hostile return address on every door")]
    [Fact]
    public async Task A_hostile_return_address_never_leaves_the_site_on_any_door()
    {
        var failures = new List<string>();
        var tried = 0;
        var person = await Person.RegisterAsync(factory, "Robin");
        var anonymous = factory.NewClient();

        foreach (var value in Hostile)
        {
            var query = "?returnUrl=" + Uri.EscapeDataString(value);
            var label = Show(value);

            // Pages as they are first shown, the value passkeys.js is given included.
            foreach (var (door, http) in new[] { ("/account/sign-in", anonymous), ("/account/register", anonymous), ("/account/sign-in/code", anonymous), ("/account/confirm", person.Http), ("/language", anonymous) })
            {
                tried++;
                var response = await http.GetAsync(new Uri(door + query, UriKind.Relative));
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {door} with {label}: {(int)response.StatusCode}");
                    continue;
                }

                failures.AddRange(RenderedReturnAddresses(await response.ParseAsync())
                    .Where(r => !StaysOnTheSite(r.Value))
                    .Select(r => $"GET {door} with {label}: {r.Where} is {Show(r.Value)}"));
            }

            // Forms posted with the address in the query and in the form.
            var fields = new Dictionary<string, string> { ["ReturnUrl"] = value };
            var signIn = await anonymous.SubmitAsync("/account/sign-in" + query, new Dictionary<string, string>(fields) { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });
            failures.AddRange(Redirected("POST /account/sign-in", label, signIn, "/spaces"));

            var newcomer = factory.NewClient();
            var register = await newcomer.SubmitAsync("/account/register" + query, new Dictionary<string, string>(fields)
            {
                ["Input.DisplayName"] = "Sam",
                ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
                ["Input.Password"] = Person.DefaultPassword,
            });
            failures.AddRange(Redirected("POST /account/register", label, register, "/spaces?welcome=true"));

            var confirm = await person.Http.SubmitAsync("/account/confirm" + query, new Dictionary<string, string>(fields) { ["Passphrase"] = person.Password });
            failures.AddRange(Redirected("POST /account/confirm", label, confirm, "/spaces"));

            // The language switch (its own browser, so the others stay in English).
            var switched = await factory.NewClient().SubmitAsync("/language" + query, new Dictionary<string, string>(fields) { ["Language"] = "de" });
            failures.AddRange(Redirected("POST /language", label, switched, "/"));
            tried++;

            // No second step is waiting: the code page answers beside the field, with no 500.
            var code = await anonymous.SubmitAsync("/account/sign-in/code" + query, new Dictionary<string, string>(fields) { ["Code"] = "123456" });
            tried += 4;
            if ((int)code.StatusCode >= 500)
            {
                failures.Add($"POST /account/sign-in/code with {label}: {(int)code.StatusCode}");
            }
            else
            {
                failures.AddRange(RenderedReturnAddresses(await code.ParseAsync())
                    .Where(r => !StaysOnTheSite(r.Value))
                    .Select(r => $"POST /account/sign-in/code with {label}: {r.Where} is {Show(r.Value)}"));
            }
        }

        SecurityReport.Record(
            "open redirect: hostile return addresses on every door that takes one",
            "-", tried, failures.Count, $"{nameof(ReturnAddressTests)}.{nameof(A_hostile_return_address_never_leaves_the_site_on_any_door)}",
            $"{Hostile.Count} hostile addresses x sign-in, register, second step, confirm (GET render, passkey data-return-url, POST redirect)");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} cases went wrong:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_local_return_address_is_still_followed_after_signing_in()
    {
        var person = await Person.RegisterAsync(factory, "Robin");
        var anonymous = factory.NewClient();
        var page = await anonymous.GetPageAsync("/account/sign-in?returnUrl=%2Flearn%3Ftopic%3Dlistening");
        Assert.Equal("/learn?topic=listening", page.QuerySelector("[data-return-url]")?.GetAttribute("data-return-url"));
        var signIn = await anonymous.SubmitAsync("/account/sign-in?returnUrl=%2Flearn%3Ftopic%3Dlistening", new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/learn?topic=listening", signIn.Headers.Location?.OriginalString);
    }

    private static IEnumerable<string> Redirected(string door, string label, HttpResponseMessage response, string fallback)
    {
        if ((int)response.StatusCode >= 500)
        {
            yield return $"{door} with {label}: {(int)response.StatusCode}";
            yield break;
        }

        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode == HttpStatusCode.BadRequest && location is null && label.Contains("\\u0000", StringComparison.Ordinal))
        {
            // The server refuses a NUL in the request outright: nobody is sent anywhere.
            yield break;
        }

        if (response.StatusCode != HttpStatusCode.Redirect || location is null)
        {
            yield return $"{door} with {label}: {(int)response.StatusCode} without a redirect";
        }
        else if (!StaysOnTheSite(location) || location != fallback)
        {
            yield return $"{door} with {label}: sent to {Show(location)} instead of {fallback}";
        }
    }

    /// <summary>Every return address a page renders: hidden fields, the passkey button's, and links carrying returnUrl.</summary>
    private static IEnumerable<(string Where, string Value)> RenderedReturnAddresses(IHtmlDocument page)
    {
        foreach (var input in page.QuerySelectorAll("input[name='ReturnUrl']").OfType<IHtmlInputElement>())
        {
            if (input.Value.Length > 0)
            {
                yield return ("the hidden ReturnUrl field", input.Value);
            }
        }

        foreach (var button in page.QuerySelectorAll("[data-return-url]"))
        {
            yield return ("the passkey button's data-return-url", button.GetAttribute("data-return-url") ?? "");
        }

        foreach (var link in page.QuerySelectorAll("a[href*='returnUrl=']"))
        {
            var href = link.GetAttribute("href")!;
            var value = Uri.UnescapeDataString(href[(href.IndexOf("returnUrl=", StringComparison.Ordinal) + "returnUrl=".Length)..]);
            if (value.Length > 0)
            {
                yield return ($"the link {href}", value);
            }
        }
    }

    /// <summary>What a browser would do with it: it drops tabs and newlines, treats \ as /, and follows "//host".</summary>
    private static bool StaysOnTheSite(string target)
    {
        var browserSees = target.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Trim().Replace('\\', '/');
        if (!browserSees.StartsWith('/') || browserSees.StartsWith("//", StringComparison.Ordinal) || target.Any(c => c <= ' ' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        return Uri.TryCreate(new Uri("https://localhost/"), browserSees, out var resolved) && resolved.Host == "localhost"
            && !Uri.UnescapeDataString(browserSees).Replace('\\', '/').StartsWith("//", StringComparison.Ordinal);
    }

    private static string Show(string value) =>
        value.Length > 60 ? $"({value.Length} characters)" : System.Text.Json.JsonSerializer.Serialize(value);
}
