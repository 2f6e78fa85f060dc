using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hearth.Web.Tests.Links;

/// <summary>
/// no request header may change an address Hearth sends or shows. Every flow
/// that makes a link (the reset e-mail from the API and the page, an invitation shown and e-mailed
/// from the API and the page, the calendar link from the API and the page) is sent with forged
/// Host, X-Forwarded-Host, X-Forwarded-Proto, X-Forwarded-Prefix and Forwarded headers; every
/// absolute address in the answer and in any e-mail it sent must start with the configured one.
/// </summary>
public abstract partial class LinkOriginTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private const string Evil = "evil.example";

    private static readonly (string Name, Action<HttpRequestMessage> Forge)[] Forgeries =
    [
        ("Host", r => r.Headers.Host = Evil),
        ("Host with a port", r => r.Headers.Host = Evil + ":8443"),
        ("X-Forwarded-Host", r => r.Headers.TryAddWithoutValidation("X-Forwarded-Host", Evil)),
        ("X-Forwarded-Proto", r => r.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "http")),
        ("X-Forwarded-Prefix", r => r.Headers.TryAddWithoutValidation("X-Forwarded-Prefix", "/evil")),
        ("Forwarded", r => r.Headers.TryAddWithoutValidation("Forwarded", $"for=203.0.113.9;host={Evil};proto=http")),
        ("X-Original-Host", r => r.Headers.TryAddWithoutValidation("X-Original-Host", Evil)),
        ("all of them", r =>
        {
            r.Headers.Host = Evil;
            r.Headers.TryAddWithoutValidation("X-Forwarded-Host", Evil);
            r.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "http");
            r.Headers.TryAddWithoutValidation("X-Forwarded-Prefix", "/evil");
            r.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");
            r.Headers.TryAddWithoutValidation("Forwarded", $"for=203.0.113.9;host={Evil};proto=http");
        }),
    ];

    protected TFactory Factory => factory;

    /// <summary>What every link must start with (followed by "/").</summary>
    protected abstract string ExpectedBase { get; }

    protected virtual string Setting => "";

    /// <summary>A new browser: its own cookies.</summary>
    protected virtual HttpClient NewBrowser() => factory.NewClient();

    [Slow("every link Hearth makes, with forged host and forwarded headers")]
    [Fact]
    public async Task A_forged_host_or_forwarded_header_never_moves_a_link()
    {
        factory.RequireAvailable();
        var person = await RegisterAsync();
        var spaceId = await CreateSpaceAsync(person);
        var anonymous = NewBrowser();

        var flows = new (string Name, Func<Action<HttpRequestMessage>, Task<HttpResponseMessage>> Send)[]
        {
            ("reset e-mail (API)", forge => SendAsync(anonymous, HttpMethod.Post, "/api/v1/account/forgot-password", JsonContent.Create(new { email = person.Email }), forge)),
            ("reset e-mail (page)", async forge => await SendAsync(anonymous, HttpMethod.Post, "/account/forgot", await FormAsync(anonymous, "/account/forgot", null, ("Input.Email", person.Email)), forge)),
            ("invitation shown and e-mailed (API)", forge => SendAsync(person.Http, HttpMethod.Post, $"/api/v1/spaces/{spaceId}/invitations", JsonContent.Create(new { email = "friend@example.org" }), forge)),
            ("invitation shown and e-mailed (page)", async forge => await SendAsync(person.Http, HttpMethod.Post, $"/spaces/{spaceId}?handler=Invite", await FormAsync(person.Http, $"/spaces/{spaceId}", "Invite", ("InviteEmail", "friend@example.org")), forge)),
            ("calendar link (API)", forge => SendAsync(person.Http, HttpMethod.Post, "/api/v1/account/calendar-feed", null, forge)),
            ("calendar link (page)", async forge => await SendAsync(person.Http, HttpMethod.Post, $"/spaces/{spaceId}/ritual?handler=CreateFeed", await FormAsync(person.Http, $"/spaces/{spaceId}/ritual", "CreateFeed"), forge)),
        };

        var tried = 0;
        var failures = new List<string>();
        foreach (var (flow, send) in flows)
        {
            foreach (var (forgery, forge) in Forgeries)
            {
                tried++;
                var mailsBefore = ReadOutbox().ToHashSet(StringComparer.Ordinal);
                var response = await send(forge);
                var body = await response.Content.ReadAsStringAsync();
                var mails = ReadOutbox().Where(m => !mailsBefore.Contains(m)).ToList();
                if (response.StatusCode == HttpStatusCode.BadRequest && mails.Count == 0 && (forgery.StartsWith("Host", StringComparison.Ordinal) || forgery == "all of them"))
                {
                    continue; // refused before anything was made: host filtering (AllowedHosts)
                }

                var links = Urls().Matches(body + "\n" + string.Join("\n", mails)).Select(m => m.Value)
                    .Where(u => !u.StartsWith("http://www.w3.org/", StringComparison.Ordinal))
                    .ToList();
                if ((int)response.StatusCode >= 300 || links.Count == 0)
                {
                    failures.Add($"{flow} with a forged {forgery}: answered {(int)response.StatusCode} with no link to check");
                }

                failures.AddRange(links.Where(u => !u.StartsWith(ExpectedBase + "/", StringComparison.Ordinal))
                    .Select(u => $"{flow} with a forged {forgery}: {u}"));
            }
        }

        SecurityReport.Record("links come only from configuration, never a request header" + Setting, factory.ProviderName, tried, failures.Count,
            $"{GetType().Name}.{nameof(A_forged_host_or_forwarded_header_never_moves_a_link)}",
            $"{flows.Length} link-making flows x {Forgeries.Length} forged Host/X-Forwarded-*/Forwarded headers{Setting}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} links moved:\n" + string.Join("\n", failures));
    }

    protected virtual IReadOnlyList<string> ReadOutbox() => factory.ReadOutbox();

    protected virtual async Task<Person> RegisterAsync()
    {
        var http = NewBrowser();
        var email = $"{Guid.NewGuid():N}@example.org";
        await Expect.StatusAsync(HttpStatusCode.Created, await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Person.DefaultPassword, displayName = "Ana" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = Person.DefaultPassword }));
        return new Person(factory, http, email, Person.DefaultPassword, "Ana");
    }

    private static async Task<Guid> CreateSpaceAsync(Person person)
    {
        var response = await person.Http.PostAsJsonAsync("/api/v1/spaces", new { kind = "romantic" });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, Action<HttpRequestMessage> forge)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        forge(request);
        var response = await http.SendAsync(request);

        // A page that answers its form by post-redirect-get shows the link on the page it redirects to:
        // follow it with the same forged headers, as the forger's browser would.
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            && response.Headers.Location is { } location && !location.IsAbsoluteUri)
        {
            using var follow = new HttpRequestMessage(HttpMethod.Get, location);
            forge(follow);
            response.Dispose();
            response = await http.SendAsync(follow);
        }

        return response;
    }

    /// <summary>The form of a page (the one posting to handler, or the first), filled, as a browser would post it.</summary>
    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient http, string pageUrl, string? handler, params (string Name, string Value)[] fields)
    {
        var page = await http.GetPageAsync(pageUrl);
        var form = page.Forms.First(f => handler is null
            ? f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && !f.Action.EndsWith("/account/sign-out", StringComparison.Ordinal)
            : f.Action.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));
        var values = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type != "radio" || i.IsChecked))
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Urls();
}

/// <summary>The default: not behind a proxy, AllowedHosts from the public address.</summary>
public sealed class LinksOnSqlite(SqliteHearthFactory factory) : LinkOriginTests<SqliteHearthFactory>(factory)
{
    protected override string ExpectedBase => "https://localhost";
}

/// <summary>The worst case: behind a proxy and every Host allowed by the operator ("AllowedHosts": "*").</summary>
public sealed class ProxiedAnyHostFactory : SqliteHearthFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hearth:PublicUrl", "https://hearth.example.org/home");
        builder.UseSetting("Hearth:BehindProxy", "true");
        builder.UseSetting("AllowedHosts", "*");
    }
}

public sealed class LinksBehindAProxyOnSqlite(ProxiedAnyHostFactory factory) : LinkOriginTests<ProxiedAnyHostFactory>(factory)
{
    protected override string ExpectedBase => "https://hearth.example.org/home";

    protected override string Setting => " (BehindProxy, AllowedHosts *)";
}

public sealed class ProxiedAnyHostPostgresFactory : PostgresHearthFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hearth:PublicUrl", "https://hearth.example.org/home");
        builder.UseSetting("Hearth:BehindProxy", "true");
        builder.UseSetting("AllowedHosts", "*");
    }
}

public sealed class LinksBehindAProxyOnPostgres(ProxiedAnyHostPostgresFactory factory) : LinkOriginTests<ProxiedAnyHostPostgresFactory>(factory)
{
    protected override string ExpectedBase => "https://hearth.example.org/home";

    protected override string Setting => " (BehindProxy, AllowedHosts *)";
}

/// <summary>
/// The zero-configuration run (no Hearth:PublicUrl) on real Kestrel listening on loopback only:
/// links take the listening loopback address, never the request's Host.
/// </summary>
public sealed class LoopbackKestrelFactory : SqliteHearthFactory
{
    public LoopbackKestrelFactory()
    {
        PublicUrl = null;
        UseKestrel(0);
    }

    /// <summary>http://localhost:port, once started.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return new Uri(ClientOptions.BaseAddress.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        }
    }
}

public sealed class LinksOnLoopbackWithoutAPublicUrl(LoopbackKestrelFactory fixture) : LinkOriginTests<LoopbackKestrelFactory>(fixture)
{
    protected override string ExpectedBase => Factory.Address.GetLeftPart(UriPartial.Authority);

    protected override string Setting => " (no PublicUrl, Kestrel on loopback)";

    /// <summary>A browser on real Kestrel over http://localhost, which, like a browser, keeps __Host- cookies there.</summary>
    protected override HttpClient NewBrowser()
    {
        var http = new HttpClient(new LoopbackCookieJar { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } }) { BaseAddress = Factory.Address };
        // As Hearth's own scripts do: body-less API writes say they come from Hearth (ADR 13).
        http.DefaultRequestHeaders.Add("X-Hearth-Request", "1");
        return http;
    }

    private sealed class LoopbackCookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookies.Count > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var pair in values.Select(v => v.Split(';')[0]))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            }

            return response;
        }
    }
}
