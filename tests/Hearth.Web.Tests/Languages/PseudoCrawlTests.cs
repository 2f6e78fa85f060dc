using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Hearth.Core.Languages;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Pages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// The pseudo-locale finds every sentence that is not translatable. Every page the link crawl
/// starts from (<see cref="PageLinkCrawlTests.PageSeeds"/>), as a member of a lived-in pair and as a
/// visitor, and every API problem of every endpoint (as a visitor and with ids that are not theirs),
/// fetched in qps-Ploc: every visible text (and title, aria-label, placeholder, alt and button
/// values) is pseudo-localised, or on the short allow-list below. Failures are listed per page.
/// </summary>
[Trait("Languages", "Crawl")]
[Slow("crawls every page and every API endpoint")]
public sealed partial class PseudoCrawlTests
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] Attributes = ["title", "aria-label", "placeholder", "alt"];

    /// <summary>
    /// Texts that are right as they are in every language, each with why: the product's name, what
    /// the pair typed in the lived-in world (names, notes, memory titles), numbers, dates and times,
    /// e-mail addresses, time-zone ids, and punctuation between translated words.
    /// </summary>
    private static bool Allowed(string text, IReadOnlyCollection<string> typed)
    {
        var rest = text;
        foreach (var word in typed.OrderByDescending(t => t.Length))
        {
            // Whole words only: "Ana" typed as a name is not the "Ana" in "Asia/Anadyr".
            rest = Regex.Replace(rest, $@"(?<!\w){Regex.Escape(word)}(?!\w)", " ");
        }

        rest = rest.Replace("Hearth", " ", StringComparison.Ordinal);

        // Translated pieces beside neutral ones ("5" and "[öƒ 7]" in "5 of 7") are fine; what is
        // left after taking them out must be neutral.
        rest = Regex.Replace(rest, @"\[[^\[\]]*\]", " ");

        // The pseudo-locale formats dates as English (ADR 34): the names of days and months in a
        // formatted date are the culture's, not a resource's.
        foreach (var name in EnglishDateNames)
        {
            rest = Regex.Replace(rest, $@"\b{name}\b", " ");
        }

        return NeutralOnly().IsMatch(rest);
    }

    /// <summary>
    /// Pages still to be translated, each with why. Keep this empty; an entry here means the
    /// Languages work is not finished (docs/translating.md, "Known gaps").
    /// </summary>
    private static readonly HashSet<string> NotYetTranslated = new(StringComparer.Ordinal)
    {
    };

    private static readonly string[] EnglishDateNames =
        [.. System.Globalization.CultureInfo.GetCultureInfo("en").DateTimeFormat.DayNames,
         .. System.Globalization.CultureInfo.GetCultureInfo("en").DateTimeFormat.MonthNames.Where(m => m.Length > 0)];

    // Digits, dates (2026-06-01), times, signs, punctuation, e-mail addresses, IANA zone ids
    // (Europe/London, America/Argentina/Buenos_Aires, America/Port-au-Prince) and whitespace.
    [GeneratedRegex(@"^([\s\d\p{P}\p{S}]|[\w.+-]+@[\w.-]+|\b[A-Z][A-Za-z_-]+(?:/[A-Za-z_-]+)+\b|\bUTC\b)*$")]
    private static partial Regex NeutralOnly();

    [Fact]
    public async Task Every_page_and_every_API_problem_is_pseudo_localised()
    {
        await using var world = new SqliteHearthFactory { PseudoLocale = true };
        var (ana, ben, spaceId, joinToken) = await PageLinkCrawlTests.LivedInPairAsync(world);
        string[] typed = [ana.Name, ben.Name, ana.Email, ben.Email, .. new[] { ana, ben }.SelectMany(p => new[] { $"Thank you, from {p.Name}", $"A walk, by {p.Name}" })];
        var seeds = PageLinkCrawlTests.PageSeeds(world, spaceId, joinToken);

        var found = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string where, string text) =>
            (found.TryGetValue(where, out var set) ? set : found[where] = new SortedSet<string>(StringComparer.Ordinal)).Add(text);

        var pages = 0;
        foreach (var (who, http) in new[] { ("Ana", ana.Http), ("a visitor", world.NewClient()) })
        {
            http.DefaultRequestHeaders.AcceptLanguage.Clear();
            http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(HearthLanguages.Pseudo));
            foreach (var url in seeds)
            {
                var response = await http.GetAsync(new Uri(url, UriKind.Relative));
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                pages++;
                if (NotYetTranslated.Contains(url))
                {
                    continue;
                }

                var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                foreach (var text in Unlocalised(page).Where(t => !Allowed(t, typed)))
                {
                    Add($"{url} (as {who})", text);
                }
            }
        }

        var problems = 0;
        var visitor = world.NewClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(HearthLanguages.Pseudo));
        foreach (var (method, route) in ApiEndpoints(world))
        {
            var url = Security.AnonymousSurfaceTests.Fill(route, Guid.NewGuid());
            foreach (var (who, http) in new[] { ("a visitor", visitor), ("Ana", ana.Http) })
            {
                if (who == "Ana" && (url.Contains("sign-out", StringComparison.Ordinal) || (method == "DELETE" && !url.Contains("/spaces/", StringComparison.Ordinal))))
                {
                    continue; // would end the session the rest of the crawl uses
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{", Encoding.UTF8, "application/json");
                }

                var response = await http.SendAsync(request);
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    continue;
                }

                problems++;
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                foreach (var text in ProblemTexts(problem.RootElement).Where(t => !PseudoText.IsPseudo(t) && !Allowed(t, typed)))
                {
                    Add($"{method} {route} (as {who}, {(int)response.StatusCode})", text);
                }
            }
        }

        SecurityReport.Record(
            "every page and API problem in the pseudo-locale is translatable", "sqlite", pages + problems, found.Count,
            $"{nameof(PseudoCrawlTests)}.{nameof(Every_page_and_every_API_problem_is_pseudo_localised)}",
            $"{pages} pages as a member and a visitor, {problems} API problems");
        Assert.True(pages > 40, $"only {pages} pages fetched");
        Assert.True(problems > 100, $"only {problems} API problems fetched");
        Assert.True(found.Count == 0,
            $"{found.Count} pages or answers show {found.Values.Sum(s => s.Count)} texts that are not translatable:\n"
            + string.Join('\n', found.Select(f => $"{f.Key}:\n  " + string.Join("\n  ", f.Value.Select(t => $"\"{t}\"")))));
    }

    [Fact]
    public void The_check_tells_translated_from_hard_coded_text()
    {
        var page = Parser.ParseDocument(
            "<html><head><title>Hearth</title></head><body><h1>" + PseudoText.Of("Your spaces") + "</h1>"
            + "<p>Hard-coded <strong>" + PseudoText.Of("and mixed") + "</strong></p>"
            + "<button aria-label=\"Close\">" + PseudoText.Of("Save") + "</button>"
            + "<input type=\"submit\" value=\"Send\"><input placeholder=\"" + PseudoText.Of("Type") + "\">"
            + "<p>" + PseudoText.Of("Tip: press {0} three times").Replace("{0}", "<kbd>" + PseudoText.Of("Shift") + "</kbd>", StringComparison.Ordinal) + "</p>"
            + "<p>Ana</p><p>2026-06-01 · 19:00</p><script>var x = 'not text';</script></body></html>");

        var texts = Unlocalised(page).Where(t => !Allowed(t, ["Ana"])).ToList();

        Assert.Equal(["Hard-coded " + PseudoText.Of("and mixed"), "Close", "Send"], texts);
    }

    /// <summary>Texts of the page a person sees or hears that are not wholly pseudo-localised.</summary>
    private static IEnumerable<string> Unlocalised(IDocument page)
    {
        foreach (var element in page.All)
        {
            if (element.LocalName is "script" or "style" or "template")
            {
                continue;
            }

            // Words marked as another language on purpose (the switch names each language in
            // itself: "Deutsch", "English", with lang="de" / lang="en").
            if (element.Closest("[lang]") is { } marked && marked != page.DocumentElement)
            {
                continue;
            }

            // An element with words of its own: all of its text must be one pseudo string (a
            // translated sentence may hold translated markup, like the layout's tip with <kbd>).
            var own = string.Concat(element.ChildNodes.OfType<IText>().Select(t => t.Data));
            if (!string.IsNullOrWhiteSpace(own) && !IsInsidePseudo(element))
            {
                var text = Normalised(element.TextContent);
                if (!PseudoText.IsPseudo(text))
                {
                    yield return text;
                }
            }

            foreach (var name in Attributes)
            {
                if (element.GetAttribute(name) is { Length: > 0 } value && !PseudoText.IsPseudo(value))
                {
                    yield return Normalised(value);
                }
            }

            if (element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { Length: > 0 } label && !PseudoText.IsPseudo(label))
            {
                yield return Normalised(label);
            }
        }
    }

    /// <summary>True when an ancestor's whole text is already one pseudo string (this element is part of it).</summary>
    private static bool IsInsidePseudo(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
        {
            var own = string.Concat(parent.ChildNodes.OfType<IText>().Select(t => t.Data));
            if (!string.IsNullOrWhiteSpace(own))
            {
                return PseudoText.IsPseudo(Normalised(parent.TextContent));
            }
        }

        return false;
    }

    private static string Normalised(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static IEnumerable<string> ProblemTexts(JsonElement problem)
    {
        foreach (var name in new[] { "title", "detail" })
        {
            if (problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                yield return value.GetString()!;
            }
        }

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                foreach (var message in field.Value.EnumerateArray())
                {
                    yield return message.GetString()!;
                }
            }
        }
    }

    /// <summary>Every API endpoint with each of its methods.</summary>
    private static IEnumerable<(string Method, string Route)> ApiEndpoints(SqliteHearthFactory world) =>
        world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal);
}
