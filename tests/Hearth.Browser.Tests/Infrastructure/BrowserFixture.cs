using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Infrastructure;

/// <summary>
/// Hearth on real Kestrel over a real SQLite file, and Debian's Chromium driven by Playwright.
/// Without Chromium the tests skip with the reason, unless HEARTH_REQUIRE_BROWSER=1 (CI) makes that a failure.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Whether the app offers the pseudo-locale qps-Ploc (Hearth:Languages:Pseudo), as Development does.</summary>
    protected virtual bool PseudoLocale => false;

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright? playwright;

    public SqliteHearthFactory? App { get; private set; }

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public string? UnavailableReason { get; private set; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("HEARTH_CHROMIUM") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"Browser tests need Chromium at {ChromiumPath} (apt-get install -y chromium); .ci/run installs it.";
            return;
        }

        // No Hearth:PublicUrl, as in `dotnet run`: Kestrel listens on loopback only, so links take its address.
        App = new SqliteHearthFactory { PublicUrl = null, PseudoLocale = PseudoLocale };
        App.UseKestrel(0);
        App.StartServer();
        // "localhost", not 127.0.0.1: WebAuthn (passkeys) needs a host name as its relying-party id.
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/').Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    public void RequireAvailable()
    {
        if (UnavailableReason is not null)
        {
            TestEnvironment.Unavailable(UnavailableReason, TestEnvironment.BrowserRequired);
        }
    }

    /// <summary>A new person's browser at a phone viewport. bypassCsp only for contexts that inject axe-core.</summary>
    public async Task<IBrowserContext> NewPersonAsync(bool forAccessibilityChecks = true)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            BaseURL = BaseUrl,
            BypassCSP = forAccessibilityChecks,
            Locale = "en-GB",
        });
        // Generous waits: CI machines have two cores and run the other test suites at the same time.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    /// <summary>
    /// A person's browser with a profile on disk (a Chromium of its own), at the same phone viewport with
    /// Hearth's own CSP. NewPersonAsync's contexts are incognito-like, and Chromium never offers to install
    /// a web app from an incognito window, so its installability check needs this.
    /// </summary>
    public async Task<IBrowserContext> NewPersonWithProfileAsync(string profileDirectory)
    {
        var context = await playwright!.Chromium.LaunchPersistentContextAsync(profileDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            ViewportSize = Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            BaseURL = BaseUrl,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

/// <summary>The same, with the pseudo-locale qps-Ploc on.</summary>
public sealed class PseudoBrowserFixture : BrowserFixture
{
    protected override bool PseudoLocale => true;
}

/// <summary>Screenshots and accessibility checks, kept as test artefacts.</summary>
public static class PageChecks
{
    private static readonly Lazy<string?> AxeSource = new(() => FindUp("tests/Hearth.Browser.Tests/node_modules/axe-core/axe.min.js") is { } path ? File.ReadAllText(path) : null);

    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("HEARTH_ARTIFACTS")
                ?? Path.Combine(Path.GetDirectoryName(FindUp("Hearth.slnx")) ?? Path.GetTempPath(), "artifacts");
            var shots = Path.Combine(dir, "screenshots");
            Directory.CreateDirectory(shots);
            return shots;
        }
    }

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string name)
    {
        if (AxeSource.Value is null)
        {
            TestEnvironment.Unavailable("axe-core is missing: run `npm ci` in tests/Hearth.Browser.Tests (.ci/run does).", TestEnvironment.BrowserRequired);
            return;
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice'] } }); " +
            "return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'); }");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"Accessibility problems on {name}:\n" + string.Join('\n', violations));
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
