using System.Collections;
using System.Globalization;
using System.Net.Http.Json;
using System.Resources;
using System.Text.Json;
using Hearth.Core.Languages;
using Hearth.Core.Learning;
using Hearth.Web.Features.Learn;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// The learn cards, questions and first steps come in the language of the request (page and API),
/// English by default and for any language Hearth does not speak.
/// </summary>
public sealed class LearnLanguageTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    public static TheoryData<string?, string> Requests() => new()
    {
        { null, HearthLanguages.English },
        { "de", HearthLanguages.German },
        { "de-AT,de;q=0.9,en;q=0.5", HearthLanguages.German },
        { "fr-FR,fr;q=0.9", HearthLanguages.English },
        { "not;;a=language", HearthLanguages.English },
    };

    private HttpClient Client(string? acceptLanguage)
    {
        factory.RequireAvailable();
        var http = factory.NewClient();
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return http;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_learn_api_answers_in_the_request_language(string? acceptLanguage, string language)
    {
        var expected = LearnLibrary.For(language);
        var api = await Client(acceptLanguage).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/learn", UriKind.Relative));

        var cards = api.GetProperty("cards").EnumerateArray().ToList();
        Assert.Equal(expected.Cards.Select(c => c.Id), cards.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(expected.Cards.Select(c => c.Title), cards.Select(c => c.GetProperty("title").GetString()));
        Assert.Equal(expected.Cards.Select(c => c.Body), cards.Select(c => c.GetProperty("body").GetString()));
        Assert.Equal(expected.Cards.Select(c => c.TryToday), cards.Select(c => c.GetProperty("tryToday").GetString()));
        Assert.Equal(expected.ReflectionQuestions.Select(q => q.Text), api.GetProperty("reflectionQuestions").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(expected.FirstSteps.Select(s => s.Text), api.GetProperty("firstSteps").EnumerateArray().Select(s => s.GetString()));
        // Ids, topics and dimensions stay wire values in every language.
        Assert.Equal(
            LearnLibrary.Default.Cards.Select(c => c.Topic.WireName()),
            cards.Select(c => c.GetProperty("topic").GetString()));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_learn_page_shows_the_cards_in_the_request_language(string? acceptLanguage, string language)
    {
        var expected = LearnLibrary.For(language);
        var page = await Client(acceptLanguage).GetPageAsync("/learn");

        Assert.Equal(expected.Cards.Select(c => c.Title).Order(StringComparer.Ordinal), page.QuerySelectorAll(".learn-card h3").Select(h => h.TextContent.Trim()).Order(StringComparer.Ordinal));
        var lists = page.QuerySelectorAll(".card ul");
        Assert.Equal(expected.ReflectionQuestions.Select(q => q.Text), lists[0].QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal(expected.FirstSteps.Select(s => s.Text), lists[1].QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task A_german_request_gets_german_cards_not_english_ones()
    {
        var page = await Client("de").GetPageAsync("/learn");
        var text = page.Body!.TextContent;
        Assert.Contains("Nähe lässt sich aufbauen", text, StringComparison.Ordinal);
        Assert.DoesNotContain(LearnLibrary.Default.Cards[0].Body, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_german_learn_page_has_no_english_words_around_its_cards()
    {
        var resources = new ResourceManager(typeof(LearnText).FullName!, typeof(LearnText).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        Assert.NotEmpty(english);

        var text = (await Client("de").GetPageAsync("/learn")).Body!.TextContent;
        var german = CultureInfo.GetCultureInfo(HearthLanguages.German);
        foreach (var (key, value) in english)
        {
            var translated = resources.GetString(key, german);
            Assert.NotEqual(value, translated);
            Assert.Contains(translated!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }
}
