using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Privacy;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// One member's language never reaches the other (docs/privacy.md, "Your language"): Ana switches
/// between English, German and no choice at all, and uses every page and endpoint in each; between
/// the switches Ben crawls everything he can reach (his space page, his own export, the API, his
/// calendar feed, his e-mail) and must see it byte for byte the same each time, in his own language.
/// The crawl is the safety non-interference suite's, so both suites see the same surface.
/// </summary>
[Slow("crawls every page and endpoint of both members, several times over")]
public sealed class LanguageNonInterferenceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("de")]
    public async Task The_other_member_sees_exactly_the_same_whatever_language_one_member_uses(string? benLanguage)
    {
        await using var world = new SqliteHearthFactory();
        var ana = await SafetyNonInterferenceTests.RegisterAsync(world, "Ana", "ana@example.org");
        var ben = await SafetyNonInterferenceTests.RegisterAsync(world, "Ben", "ben@example.org", benLanguage);
        var spaceId = await ana.CreateSpaceAsync("romantic", label: "Us");
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(await ana.InviteAsync(spaceId)));
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3, importance: 7), share: ["emotional"]);
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5, importance: 5), share: ["emotional"]);
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00" }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 6, closeness = 5 }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 7, closeness = 6 }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/memories", new { title = "The lake", shared = true }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/notes", new { kind = "appreciation", text = "Thank you for the soup" }));
        var feed = await SafetyNonInterferenceTests.BenFeedAsync(ben);

        // A first look by both settles anything a first visit creates (the day's question, insights).
        await SafetyNonInterferenceTests.CrawlAsync(world, ana, spaceId);
        await SafetyNonInterferenceTests.CrawlAsync(world, ben, spaceId, feed);

        var crawls = new List<Dictionary<string, string>>();
        var anaLanguages = new[] { "en", "de", null, "de" };
        var anaSawHerLanguage = 0;
        foreach (var language in anaLanguages)
        {
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language }));

            // Ana uses all of Hearth in her language; anything it stored in her words would show below.
            var anaCrawl = await SafetyNonInterferenceTests.CrawlAsync(world, ana, spaceId);
            anaSawHerLanguage += anaCrawl.Values.Any(v => v.Contains($"<html lang=\"{language ?? "en"}\"", StringComparison.Ordinal)) ? 1 : 0;
            crawls.Add(await SafetyNonInterferenceTests.CrawlAsync(world, ben, spaceId, feed));
        }

        var differing = crawls.Skip(1).Sum(other => crawls[0].Count(kv => !other.TryGetValue(kv.Key, out var v) || v != kv.Value) + other.Keys.Count(k => !crawls[0].ContainsKey(k)));
        // The quick-exit page is a blank "New tab" of its own, the same static page for everyone.
        var otherLanguagePages = crawls.SelectMany(c => c)
            .Where(kv => kv.Key != "/exit")
            .Where(kv => kv.Value.Contains("<html lang=", StringComparison.Ordinal) && !kv.Value.Contains($"<html lang=\"{benLanguage ?? "en"}\"", StringComparison.Ordinal))
            .Select(kv => kv.Key).ToList();
        var benPagesInAnotherLanguage = otherLanguagePages.Count;
        SecurityReport.Record(
            $"language non-interference: the partner's crawl while the other member switches language (partner in {benLanguage ?? "en"})", "sqlite",
            crawls.Skip(1).Sum(_ => crawls[0].Count) + crawls.Sum(c => c.Count), differing + benPagesInAnotherLanguage,
            $"{nameof(LanguageNonInterferenceTests)}.{nameof(The_other_member_sees_exactly_the_same_whatever_language_one_member_uses)}",
            "Ana on en, de, none, de and using every page in each; Ben's every page, API response, his export, feed and e-mail compared byte for byte, and every page of his in his own language");

        Assert.Equal(anaLanguages.Length, anaSawHerLanguage);
        Assert.True(crawls[0].Count >= 30, $"only {crawls[0].Count} responses crawled");
        Assert.Contains(crawls[0], kv => kv.Key.EndsWith("/account/export", StringComparison.Ordinal) && kv.Value.StartsWith("200", StringComparison.Ordinal));
        Assert.Contains(crawls[0], kv => kv.Key == "/spaces/{space}" && kv.Value.StartsWith("200", StringComparison.Ordinal));
        Assert.True(benPagesInAnotherLanguage == 0, $"Ben's pages not in his language: {string.Join(", ", otherLanguagePages)}");
        foreach (var other in crawls.Skip(1))
        {
            Assert.Equal(crawls[0].Keys.Order(), other.Keys.Order());
            Assert.Empty(crawls[0].Where(kv => kv.Value != other[kv.Key]).Select(kv => kv.Key));
        }

        // His own export names his language only; hers names hers.
        var benExport = await ben.GetJsonAsync("/api/v1/account/export");
        var anaExport = await ana.GetJsonAsync("/api/v1/account/export");
        Assert.Equal(benLanguage, benExport.GetProperty("account").GetProperty("language").GetString());
        Assert.Equal("de", anaExport.GetProperty("account").GetProperty("language").GetString());
    }
}
