using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Accounts;

/// <summary>Hearth with the shipped per-address budget for account pages (20 a minute) instead of the tests' generous one.</summary>
public sealed class ShippedAccountBudgetFactory : SqliteHearthFactory
{
    public override int AccountAttemptsPerMinute => 20;
}

/// <summary>Only attempts spend the per-address budget for account pages; looking at them does not.</summary>
public sealed class AccountPageBudgetTests(ShippedAccountBudgetFactory factory) : IClassFixture<ShippedAccountBudgetFactory>
{
    [Slow("fifty page views, then a whole budget of attempts")]
    [Fact]
    public async Task Viewing_the_account_pages_fifty_times_spends_none_of_the_budget_for_attempts()
    {
        var http = factory.NewClient();
        string[] pages = ["/account/sign-in", "/account/register", "/account/forgot", "/account/sign-in/code", "/account/reset"];
        var views = Enumerable.Range(0, 50).Select(i => pages[i % pages.Length]).ToList();
        var refusedViews = 0;
        foreach (var page in views)
        {
            if ((await http.GetAsync(new Uri(page, UriKind.Relative))).StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusedViews++;
            }
        }

        // The whole budget of attempts is still there: 20 wrong sign-ins for 20 different e-mails are all checked.
        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            attempts.Add((await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = $"{Guid.NewGuid():N}@example.org", password = "not the right passphrase at all" })).StatusCode);
        }

        // And attempts beyond it still meet the limit.
        var beyond = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = $"{Guid.NewGuid():N}@example.org", password = "not the right passphrase at all" });
        var failed = refusedViews + attempts.Count(a => a != HttpStatusCode.Unauthorized) + (beyond.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1);
        SecurityReport.Record("viewing account pages spends no attempts", "-", views.Count + attempts.Count + 1, failed,
            $"{nameof(AccountPageBudgetTests)}.{nameof(Viewing_the_account_pages_fifty_times_spends_none_of_the_budget_for_attempts)}", "50 page views, then 20 attempts within the budget and one beyond it");
        Assert.Equal(0, refusedViews);
        Assert.All(attempts, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, beyond);
    }
}
