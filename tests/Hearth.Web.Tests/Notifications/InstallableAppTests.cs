using System.Net;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// Hearth installs on a phone's home screen (issue 18, item 1; ADR 43): every page names the web
/// app manifest, the manifest has what an installable app needs and its icons are the PNGs it
/// promises, the service worker is served from the root and revalidated, and the offline page it
/// keeps holds nothing about anyone. The browser half (installability, the cache, the server down)
/// is Hearth.Browser.Tests/Journeys/InstallableAppJourneyTests.
/// </summary>
public sealed class InstallableAppTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task Every_page_names_the_manifest_its_colour_and_the_script_that_registers_the_service_worker()
    {
        var me = await Person.RegisterAsync(factory);
        foreach (var (http, url) in new[] { (factory.NewClient(), "/account/sign-in"), (me.Http, "/spaces"), (me.Http, "/account/settings") })
        {
            var html = await http.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", html, StringComparison.Ordinal);
            Assert.Contains("<meta name=\"theme-color\" content=\"#7a3b2e\">", html, StringComparison.Ordinal);
            Assert.Matches("<script src=\"/js/install\\.js\\?v=[^\"]+\" defer>", html);
        }
    }

    [Fact]
    public async Task The_manifest_makes_Hearth_installable_with_icons_that_are_what_they_say()
    {
        var http = factory.NewClient();
        var response = await http.GetAsync(new Uri("/manifest.webmanifest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal("Hearth", root.GetProperty("name").GetString());
        Assert.Equal("Hearth", root.GetProperty("short_name").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("/", root.GetProperty("scope").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("theme_color").GetString()!);
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("background_color").GetString()!);

        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192" && i.GetProperty("purpose").GetString() == "any");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "any");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "maskable");
        foreach (var icon in icons)
        {
            var image = await http.GetAsync(new Uri(icon.GetProperty("src").GetString()!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            var bytes = await image.Content.ReadAsByteArrayAsync();
            Assert.Equal("\u0089PNG", System.Text.Encoding.Latin1.GetString(bytes, 0, 4));

            // The PNG header's own width and height (IHDR, big-endian, at bytes 16 and 20).
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
            var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
        }
    }

    [Fact]
    public async Task The_service_worker_is_served_from_the_root_and_always_revalidated()
    {
        var response = await factory.NewClient().GetAsync(new Uri("/sw.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);

        // no-store: a phone asks for the newest worker every time, so a fix reaches it at once.
        Assert.True(response.Headers.CacheControl?.NoStore, "the service worker script must not be kept by HTTP caches");
        var script = await response.Content.ReadAsStringAsync();
        Assert.Contains("const OFFLINE = '/offline';", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offline_page_is_open_to_everyone_holds_no_form_and_speaks_the_browsers_language()
    {
        var me = await Person.RegisterAsync(factory);
        foreach (var http in new[] { factory.NewClient(), me.Http })
        {
            var response = await http.GetAsync(new Uri("/offline", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, "only the service worker keeps the offline page, on purpose");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("You're offline", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
            Assert.DoesNotContain("RequestVerificationToken", html, StringComparison.Ordinal);
            Assert.DoesNotContain(me.Name, html, StringComparison.Ordinal);
        }

        var german = factory.NewClient();
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        var page = WebUtility.HtmlDecode(await german.GetStringAsync(new Uri("/offline", UriKind.Relative)));
        Assert.Contains("Du bist offline", page, StringComparison.Ordinal);
    }
}
