using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Core.Accounts;
using Hearth.Web.Background;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Accounts;

/// <summary>
/// The per-account sign-in throttle under attack: counting holds under
/// concurrency, the waits and the lock build, unknown e-mails look like known ones, and someone
/// elsewhere cannot lock the owner's own device out.
/// </summary>
public abstract partial class SignInThrottleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private const string Wrong = "not the right passphrase at all";

    private static Task<HttpResponseMessage> SignIn(HttpClient http, string email, string password) =>
        http.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password });

    [Fact]
    public async Task Twenty_wrong_passphrases_at_once_get_only_the_five_free_checks()
    {
        factory.RequireAvailable();
        var person = await Person.RegisterAsync(factory, signIn: false);
        var clients = Enumerable.Range(0, 20).Select(_ => factory.NewClient()).ToList();
        var answers = await Task.WhenAll(clients.Select(http => SignIn(http, person.Email, Wrong)));
        var checks = answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized);
        var refused = answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests);

        // The budget is spent: even the right passphrase, from anywhere new, now waits.
        var right = await SignIn(factory.NewClient(), person.Email, person.Password);
        var failed = Math.Max(0, checks - SignInThrottle.FreeFailures) + (right.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1);
        SecurityReport.Record("sign-in throttle counts atomically under concurrency", factory.ProviderName, answers.Length + 1, failed,
            $"{GetType().Name}.{nameof(Twenty_wrong_passphrases_at_once_get_only_the_five_free_checks)}", $"20 wrong passphrases at once: {checks} checked, {refused} refused; then the right one");
        Assert.Equal(SignInThrottle.FreeFailures, checks);
        Assert.Equal(20 - SignInThrottle.FreeFailures, refused);
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, right);
    }

    [Fact]
    public async Task The_wait_doubles_after_each_failure_and_the_hundredth_locks_until_a_reset()
    {
        factory.RequireAvailable();
        var person = await Person.RegisterAsync(factory, signIn: false);
        var http = factory.NewClient();
        var mismatches = new List<string>();
        for (var failures = 0; failures < SignInThrottle.MaxConsecutiveFailures; failures++)
        {
            var wait = SignInThrottle.WaitAfter(failures);
            if (wait > TimeSpan.Zero)
            {
                // One second early: still waiting, and told how long.
                factory.Clock.Advance(wait - TimeSpan.FromSeconds(1));
                var early = await SignIn(http, person.Email, Wrong);
                if (early.StatusCode != HttpStatusCode.TooManyRequests || early.Headers.RetryAfter?.Delta != TimeSpan.FromSeconds(1))
                {
                    mismatches.Add($"after {failures} failures, 1 s early: {(int)early.StatusCode} Retry-After {early.Headers.RetryAfter?.Delta}");
                }

                factory.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            var attempt = await SignIn(http, person.Email, Wrong);
            if (attempt.StatusCode != HttpStatusCode.Unauthorized)
            {
                mismatches.Add($"after {failures} failures, on time: {(int)attempt.StatusCode}");
            }
        }

        // A hundred failures in a row: even the right passphrase, a day later, waits for a reset.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var locked = await SignIn(http, person.Email, person.Password);
        var lockedDetail = locked.StatusCode == HttpStatusCode.TooManyRequests ? (await locked.Content.ReadFromJsonAsync<JsonElement>()).Detail() : "";
        if (!lockedDetail.Contains("reset", StringComparison.Ordinal))
        {
            mismatches.Add($"after 100 failures: {(int)locked.StatusCode} {lockedDetail}");
        }

        // A passphrase reset (by e-mail) lifts the lock.
        await Expect.StatusAsync(HttpStatusCode.Accepted, await http.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = person.Email }));
        var link = ResetLink().Match(factory.ReadOutbox().Last(m => m.Contains(person.Email, StringComparison.Ordinal)));
        var newPassword = "a brand new morning by the sea";
        await Expect.StatusAsync(HttpStatusCode.NoContent, await http.PostAsJsonAsync("/api/v1/account/reset-password", new { userId = Guid.ParseExact(link.Groups["u"].Value, "N"), token = link.Groups["code"].Value, newPassword }));
        var afterReset = await SignIn(http, person.Email, newPassword);
        if (afterReset.StatusCode != HttpStatusCode.OK)
        {
            mismatches.Add($"after the reset: {(int)afterReset.StatusCode}");
        }

        SecurityReport.Record("sign-in waits double and 100 failures lock", factory.ProviderName, (SignInThrottle.MaxConsecutiveFailures * 2) + 2, mismatches.Count,
            $"{GetType().Name}.{nameof(The_wait_doubles_after_each_failure_and_the_hundredth_locks_until_a_reset)}", "100 wrong passphrases on time and 1 s early, then the right one, then a reset");
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Known_and_unknown_emails_answer_alike_over_twelve_tries()
    {
        factory.RequireAvailable();
        var person = await Person.RegisterAsync(factory, signIn: false);
        var unknown = $"{Guid.NewGuid():N}@example.org";
        var known = await AnswersAsync(factory.NewClient(), person.Email);
        var stranger = await AnswersAsync(factory.NewClient(), unknown);
        var differ = known.Zip(stranger).Count(p => p.First != p.Second);
        SecurityReport.Record("sign-in answers do not tell which e-mails have accounts", factory.ProviderName, known.Count, differ,
            $"{GetType().Name}.{nameof(Known_and_unknown_emails_answer_alike_over_twelve_tries)}", "12 wrong passphrases for a known and an unknown e-mail: status, title, detail, Retry-After");
        Assert.Equal(known, stranger);
        Assert.Contains(known, a => a.StartsWith("429", StringComparison.Ordinal));
    }

    private static async Task<List<string>> AnswersAsync(HttpClient http, string email)
    {
        var answers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var response = await SignIn(http, email, Wrong);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add($"{(int)response.StatusCode} {body.GetProperty("title").GetString()} {body.Detail()} {response.Headers.RetryAfter?.Delta}");
        }

        return answers;
    }

    [Fact]
    public async Task Someone_elsewhere_using_up_the_tries_does_not_lock_the_owner_out_of_their_own_device()
    {
        factory.RequireAvailable();
        var owner = await Person.RegisterAsync(factory);
        var attacker = factory.NewClient();
        var tried = 0;
        var failed = 0;

        // The attacker spends every try there is, up to the lock.
        for (var failures = 0; failures < SignInThrottle.MaxConsecutiveFailures; failures++)
        {
            factory.Clock.Advance(SignInThrottle.WaitAfter(failures));
            await SignIn(attacker, owner.Email, Wrong);
        }

        tried++;
        if ((await SignIn(attacker, owner.Email, owner.Password)).StatusCode != HttpStatusCode.TooManyRequests)
        {
            failed++;
        }

        // The owner's phone, signed in there before, still signs in with the right passphrase.
        tried++;
        var own = await SignIn(owner.Http, owner.Email, owner.Password);
        if (own.StatusCode != HttpStatusCode.OK)
        {
            failed++;
        }

        // And that device keeps its own count: wrong tries there still meet the throttle.
        var ownWrong = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInThrottle.FreeFailures; i++)
        {
            ownWrong.Add((await SignIn(owner.Http, owner.Email, Wrong)).StatusCode);
        }

        tried++;
        if (ownWrong[^1] != HttpStatusCode.TooManyRequests)
        {
            failed++;
        }

        SecurityReport.Record("an attacker elsewhere cannot lock the owner's device out", factory.ProviderName, tried, failed,
            $"{GetType().Name}.{nameof(Someone_elsewhere_using_up_the_tries_does_not_lock_the_owner_out_of_their_own_device)}", "100 wrong tries from another client, then the owner's known device signs in");
        await Expect.StatusAsync(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.TooManyRequests, ownWrong[^1]);
        Assert.Equal(0, failed);
    }

    [Fact]
    public async Task Housekeeping_forgets_old_counts_of_tries_but_keeps_a_lock()
    {
        factory.RequireAvailable();
        var typo = await Person.RegisterAsync(factory, signIn: false);
        var locked = await Person.RegisterAsync(factory, signIn: false);
        var http = factory.NewClient();
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            await SignIn(http, typo.Email, Wrong);
        }

        for (var failures = 0; failures < SignInThrottle.MaxConsecutiveFailures; failures++)
        {
            factory.Clock.Advance(SignInThrottle.WaitAfter(failures));
            await SignIn(http, locked.Email, Wrong);
        }

        factory.Clock.Advance(TimeSpan.FromDays(31));
        using (var scope = factory.Services.CreateScope())
        {
            var slot = Housekeeping.SlotOf(factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(15));
            Assert.Equal(SlotOutcome.Ran, await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunSlotAsync(slot, "test"));
        }

        // The old typos are forgotten: five fresh tries, then the wait. The lock is not.
        var again = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInThrottle.FreeFailures; i++)
        {
            again.Add((await SignIn(http, typo.Email, Wrong)).StatusCode);
        }

        var stillLocked = await SignIn(http, locked.Email, locked.Password);
        var failed = again.Take(SignInThrottle.FreeFailures).Count(s => s != HttpStatusCode.Unauthorized)
            + (again[^1] == HttpStatusCode.TooManyRequests ? 0 : 1) + (stillLocked.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1);
        SecurityReport.Record("housekeeping forgets old counts but never a lock", factory.ProviderName, again.Count + 1, failed,
            $"{GetType().Name}.{nameof(Housekeeping_forgets_old_counts_of_tries_but_keeps_a_lock)}", "5 wrong tries and a 100-failure lock, 31 days, one housekeeping slot");
        Assert.Equal(0, failed);
    }

    [GeneratedRegex(@"u=(?<u>[0-9a-f]{32})&code=(?<code>[A-Za-z0-9_\-]+)")]
    private static partial Regex ResetLink();
}

public sealed class SignInThrottleOnSqlite(SqliteHearthFactory factory) : SignInThrottleTests<SqliteHearthFactory>(factory);

public sealed class SignInThrottleOnPostgres(PostgresHearthFactory factory) : SignInThrottleTests<PostgresHearthFactory>(factory);
