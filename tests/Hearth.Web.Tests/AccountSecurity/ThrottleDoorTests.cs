using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Hearth.Core.Accounts;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.AccountSecurity;

/// <summary>
/// Every door that checks a passphrase or a code goes through the one account throttle.
/// The doors are found from the app itself: API operations whose body has a secret-named field, and
/// page handlers on pages that bind one. Each must be a known door (and meet the throttle within
/// <see cref="SignInThrottle.FreeFailures"/> + 1 wrong tries) or be listed as taking no secret to check.
/// </summary>
public abstract class ThrottleDoorTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase) { "Password", "Passphrase", "Code", "RecoveryCode" };

    private const string Wrong = "not the right passphrase at all";

    /// <summary>Bind a secret-named field but check nothing against the account, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotDoors = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/account/register"] = "chooses a first passphrase; nothing is checked",
        ["PAGE /account/register"] = "chooses a first passphrase; nothing is checked",
        ["PAGE /account/reset"] = "the code is the e-mailed reset token: signed, a day long, used once; not guessable",
        ["PAGE /counsellor/redeem"] = "the operator's counsellor invitation code: 128 random bits, used once, expires (ADR 50 §3); not guessable",
        ["POST /api/v1/counsellor/redeem"] = "the operator's counsellor invitation code: 128 random bits, used once, expires (ADR 50 §3); not guessable",
        ["PAGE /account/security End"] = "signs a device out; the page's secret fields belong to its two-factor forms",
        ["PAGE /account/security EndOthers"] = "signs other devices out; takes no secret",
        ["PAGE /account/security SetupTwoFactor"] = "shows a new authenticator key; takes no secret",
        ["PAGE /account/security RenamePasskey"] = "renames a passkey; takes no secret",
        ["PAGE /account/security RemovePasskey"] = "removes a passkey; takes no secret",
    };

    /// <summary>The doors, each with how to knock once with a wrong secret (after any setting up).</summary>
    private Dictionary<string, Func<Task<Func<Task<HttpResponseMessage>>>>> Doors() => new(StringComparer.Ordinal)
    {
        ["POST /api/v1/account/sign-in"] = async () =>
        {
            var person = await Person.RegisterAsync(factory, signIn: false);
            var http = factory.NewClient();
            return () => http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = Wrong });
        },
        ["PAGE /account/sign-in"] = async () =>
        {
            var person = await Person.RegisterAsync(factory, signIn: false);
            var http = factory.NewClient();
            return () => PostPageAsync(http, "/account/sign-in", "", new() { ["Input.Email"] = person.Email, ["Input.Password"] = Wrong });
        },
        ["POST /api/v1/account/sign-in/code"] = async () =>
        {
            var http = await SecondStepDueAsync();
            return () => http.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = "000000" });
        },
        ["PAGE /account/sign-in/code"] = async () =>
        {
            var http = await SecondStepDueAsync();
            return () => PostPageAsync(http, "/account/sign-in/code", "", new() { ["Code"] = "000000" });
        },
        ["POST /api/v1/account/confirm"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            return () => person.Http.PostAsJsonAsync("/api/v1/account/confirm", new { passphrase = Wrong });
        },
        ["PAGE /account/confirm"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            return () => PostPageAsync(person.Http, "/account/confirm", "", new() { ["Passphrase"] = Wrong });
        },
        ["POST /api/v1/account/two-factor/disable"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            return () => person.Http.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { passphrase = Wrong });
        },
        ["PAGE /account/security DisableTwoFactor"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            return () => PostPageAsync(person.Http, "/account/security", "DisableTwoFactor", new() { ["Passphrase"] = Wrong });
        },
        ["POST /api/v1/account/two-factor/enable"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PostAsync(new Uri("/api/v1/account/two-factor/setup", UriKind.Relative), null));
            return () => person.Http.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = "000000" });
        },
        ["PAGE /account/security EnableTwoFactor"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PostAsync(new Uri("/api/v1/account/two-factor/setup", UriKind.Relative), null));
            return () => PostPageAsync(person.Http, "/account/security", "EnableTwoFactor", new() { ["Code"] = "000000" });
        },
        ["DELETE /api/v1/account"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            return () => person.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { passphrase = Wrong }) });
        },
        ["PAGE /account/delete"] = async () =>
        {
            var person = await Person.RegisterAsync(factory);
            return () => PostPageAsync(person.Http, "/account/delete", "", new() { ["Passphrase"] = Wrong });
        },
    };

    [Slow("every door that checks a passphrase or a code, until it is throttled")]
    [Fact]
    public async Task Every_door_that_checks_a_passphrase_or_a_code_meets_the_one_throttle()
    {
        factory.RequireAvailable();
        var candidates = await SecretTakingDoorsAsync();
        var doors = Doors();
        var problems = new List<string>();
        foreach (var candidate in candidates.Where(c => !doors.ContainsKey(c) && !NotDoors.ContainsKey(c)))
        {
            problems.Add($"{candidate}: takes a secret but is neither a throttled door nor listed as taking none to check");
        }

        foreach (var stale in doors.Keys.Concat(NotDoors.Keys).Where(k => !candidates.Contains(k)))
        {
            problems.Add($"{stale}: listed here but not found in the app");
        }

        foreach (var (door, setUp) in doors.Where(d => candidates.Contains(d.Key)))
        {
            var knock = await setUp();
            var statuses = new List<int>();
            for (var i = 0; i <= SignInThrottle.FreeFailures; i++)
            {
                statuses.Add((int)(await knock()).StatusCode);
            }

            if (statuses[^1] != 429 || statuses.Any(s => s >= 500))
            {
                problems.Add($"{door}: {SignInThrottle.FreeFailures + 1} wrong tries answered {string.Join(',', statuses)}");
            }
        }

        SecurityReport.Record("every door that checks a passphrase or code meets the one throttle", factory.ProviderName, candidates.Count, problems.Count,
            $"{GetType().Name}.{nameof(Every_door_that_checks_a_passphrase_or_a_code_meets_the_one_throttle)}",
            $"{candidates.Count} secret-taking operations and page handlers from the endpoint data source; {doors.Count} doors knocked {SignInThrottle.FreeFailures + 1} times each");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Every API operation whose body has, and every page POST handler whose page binds, a secret-named field.</summary>
    private async Task<HashSet<string>> SecretTakingDoorsAsync()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var seenPages = new HashSet<ActionDescriptor>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                if (!seenPages.Add(descriptor))
                {
                    continue;
                }

                var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
                if (!page.BoundProperties.Any(p => TakesSecret(p.Name, p.ParameterType)))
                {
                    continue;
                }

                var route = "/" + (page.AttributeRouteInfo?.Template ?? endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add(string.IsNullOrEmpty(handler.Name) ? $"PAGE {route}" : $"PAGE {route} {handler.Name}");
                }

                continue;
            }

            var body = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Select(a => a.RequestType).FirstOrDefault(t => t is not null);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (body is not null && body.GetProperties().Any(p => TakesSecret(p.Name, p.PropertyType)))
            {
                foreach (var method in methods)
                {
                    found.Add($"{method} {endpoint.RoutePattern.RawText?.TrimEnd('/')}");
                }
            }
        }

        return found;
    }

    private static bool TakesSecret(string name, Type type) =>
        SecretNames.Contains(name)
        || (type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Hearth", StringComparison.Ordinal) == true
            && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => SecretNames.Contains(p.Name)));

    private async Task<HttpClient> SecondStepDueAsync()
    {
        var person = await Person.RegisterAsync(factory);
        var setup = await (await person.Http.PostAsync(new Uri("/api/v1/account/two-factor/setup", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var key = Totp.FromBase32(setup.GetProperty("key").GetString()!);
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = Totp.Compute(key, Totp.StepAt(factory.Clock.GetUtcNow())) }));
        var http = factory.NewClient();
        var first = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = person.Password });
        Assert.Equal("One more step", (await Expect.ProblemAsync(HttpStatusCode.Unauthorized, first)).GetProperty("title").GetString());
        return http;
    }

    /// <summary>Posts to a page handler as its form would, with the page's own antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient http, string url, string handler, Dictionary<string, string> fields)
    {
        var page = await http.GetPageAsync(url);
        var token = page.QuerySelector("input[name='__af']")?.GetAttribute("value") ?? throw new InvalidOperationException($"No antiforgery token on {url}");
        fields["__af"] = token;
        var target = string.IsNullOrEmpty(handler) ? url : $"{url}?handler={handler}";
        return await http.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}

public sealed class ThrottleDoorsOnSqlite(SqliteHearthFactory factory) : ThrottleDoorTests<SqliteHearthFactory>(factory);

public sealed class ThrottleDoorsOnPostgres(PostgresHearthFactory factory) : ThrottleDoorTests<PostgresHearthFactory>(factory);
