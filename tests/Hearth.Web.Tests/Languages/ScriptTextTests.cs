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
