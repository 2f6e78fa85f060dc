using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// The sentences passkeys.js says are passed by the page in the reader's language (data-text-*):
/// German on a German member's security page, English for an English one.
/// </summary>
public sealed class ScriptTextTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task The_passkey_button_carries_its_sentences_in_the_readers_language()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));

        var german = (await ana.Http.GetPageAsync("/account/security")).QuerySelector("[data-passkey='add']")!;
        Assert.Equal("Folge dem Hinweis deines Geräts …", german.GetAttribute("data-text-prompt"));
        Assert.Equal("Dieser Passkey konnte nicht hinzugefügt werden. Versuch es bitte noch einmal.", german.GetAttribute("data-text-not-added"));
        Assert.StartsWith("Das hat nicht geklappt.", german.GetAttribute("data-text-unfinished"), StringComparison.Ordinal);

        var english = (await ben.Http.GetPageAsync("/account/security")).QuerySelector("[data-passkey='add']")!;
        Assert.Equal("Follow your device's prompt…", english.GetAttribute("data-text-prompt"));
    }

    /// <summary>The sentences passkeys.js says, by its action (data-passkey="add" or "sign-in").</summary>
    private static readonly Dictionary<string, string[]> SentencesOf = new(StringComparer.Ordinal)
    {
        ["add"] = ["prompt", "not-added", "unfinished"],
        ["sign-in"] = ["prompt", "not-signed-in", "unfinished"],
    };

    [Fact]
    public async Task The_script_says_no_sentence_of_its_own()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(Hearth.Web.Tests.DataRights.DataRightsTests<SqliteHearthFactory>.RepoRoot(), "src", "Hearth.Web", "wwwroot", "js", "passkeys.js"));
        var asked = System.Text.RegularExpressions.Regex.Matches(script, @"words\(button, ""([a-z-]+)""(?<english>, ""[^""]*"")?\)")
            .Select(m => (Name: m.Groups[1].Value, English: m.Groups["english"].Success)).ToList();
        Assert.NotEmpty(asked);
        Assert.Empty(asked.Where(a => a.English).Select(a => a.Name).Distinct());
        Assert.Equal(SentencesOf.Values.SelectMany(v => v).Distinct().Order(StringComparer.Ordinal), asked.Select(a => a.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("de", "Folge dem Hinweis deines Geräts …")]
    [InlineData("en", "Follow your device's prompt…")]
    public async Task Every_page_with_the_passkey_script_passes_every_sentence_in_the_readers_language(string language, string prompt)
    {
        var member = await Person.RegisterAsync(factory, "Cleo");
        await Expect.StatusAsync(HttpStatusCode.OK, await member.Http.PutAsJsonAsync("/api/v1/account/language", new { language }));
        var visitor = factory.NewClient();
        visitor.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);

        var missing = new List<string>();
        foreach (var (who, url) in new[] { (visitor, "/account/sign-in"), (member.Http, "/account/confirm"), (member.Http, "/account/security") })
        {
            var page = await who.GetPageAsync(url);
            if (page.QuerySelector("script[src*='passkeys.js']") is null)
            {
                continue;
            }

            var buttons = page.QuerySelectorAll("[data-passkey]");
            if (buttons.Length == 0)
            {
                missing.Add($"{url}: loads passkeys.js without a passkey button");
            }

            foreach (var button in buttons)
            {
                var action = button.GetAttribute("data-passkey")!;
                missing.AddRange(SentencesOf[action].Where(n => string.IsNullOrWhiteSpace(button.GetAttribute("data-text-" + n))).Select(n => $"{url} [{action}]: data-text-{n}"));
                if (button.GetAttribute("data-text-prompt") is { } said)
                {
                    Assert.Equal(prompt, said);
                }
            }
        }

        Assert.True(missing.Count == 0, "Sentences the script would say in English:\n" + string.Join("\n", missing));
    }
}

/// <summary>The stored device label ("Chrome on Linux") is shown in the reader's words.</summary>
public sealed class DeviceWordsTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task A_German_member_sees_their_devices_in_German()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        var devices = (await ana.Http.GetPageAsync("/account/security")).QuerySelectorAll("strong").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(devices, d => d is "Unbekanntes Gerät" || d.Contains(" auf ", StringComparison.Ordinal));
        Assert.DoesNotContain(devices, d => d is "Unknown device" || d.Contains(" on ", StringComparison.Ordinal));
    }
}
