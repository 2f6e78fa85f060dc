using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Spaces;

/// <summary>One account cannot turn Hearth into a relay for invitation e-mails.</summary>
public abstract class InvitationEmailBudgetTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    /// <summary>The shipped default of Hearth:Invitations:EmailsPerDay.</summary>
    private const int PerDay = 20;

    private int OutboxFor(string marker) => factory.ReadOutbox().Count(m => m.Contains(marker, StringComparison.Ordinal));

    [Fact]
    public async Task One_account_sends_at_most_a_days_budget_of_invitation_emails_even_all_at_once()
    {
        factory.RequireAvailable();
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("friends");
        var marker = Guid.NewGuid().ToString("N");
        string To(int i) => $"friend-{i}-{marker}@example.org";

        // Half the budget one by one, then thirty at once.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < PerDay / 2; i++)
        {
            answers.Add(await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { email = To(i) }));
        }

        answers.AddRange(await Task.WhenAll(Enumerable.Range(PerDay / 2, 30).Select(i =>
            sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { email = To(i) }))));
        var created = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var written = OutboxFor(marker);

        // A link to copy (no e-mail) still works, and tomorrow brings a new budget.
        var copyOnly = await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { });
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await sam.SignInAsync();
        var tomorrow = await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { email = To(999) });

        var failed = Math.Abs(created - PerDay) + Math.Abs(written - PerDay) + answers.Count(a => (int)a.StatusCode >= 500)
            + (copyOnly.StatusCode == HttpStatusCode.Created ? 0 : 1) + (tomorrow.StatusCode == HttpStatusCode.Created ? 0 : 1);
        SecurityReport.Record("invitation e-mails are budgeted per account and day", factory.ProviderName, answers.Count + 2, failed,
            $"{GetType().Name}.{nameof(One_account_sends_at_most_a_days_budget_of_invitation_emails_even_all_at_once)}", $"{PerDay / 2} invitation e-mails one by one, then 30 at once; {created} sent, {written} written, {refused.Count} refused");
        Assert.Equal(PerDay, created);
        Assert.Equal(PerDay, written);
        Assert.Equal(answers.Count - PerDay, refused.Count);
        var problem = await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, refused[0]);
        Assert.Contains("copy the link", problem.Detail(), StringComparison.Ordinal);
        Assert.NotNull(refused[0].Headers.RetryAfter?.Delta);
        await Expect.StatusAsync(HttpStatusCode.Created, copyOnly);
        await Expect.StatusAsync(HttpStatusCode.Created, tomorrow);
        Assert.Equal(PerDay + 1, OutboxFor(marker));
    }

    [Fact]
    public async Task The_space_page_says_plainly_when_the_days_invitation_emails_are_used_up()
    {
        factory.RequireAvailable();
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("family");
        var marker = Guid.NewGuid().ToString("N");
        for (var i = 0; i < PerDay; i++)
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { email = $"p{i}-{marker}@example.org" }));
        }

        var response = await sam.Http.SubmitAsync($"/spaces/{spaceId}", new Dictionary<string, string> { ["InviteEmail"] = $"one-more-{marker}@example.org" }, handler: "Invite");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("copy the link", page.PageError() ?? page.FieldError("InviteEmail") ?? "", StringComparison.Ordinal);
        Assert.Equal(PerDay, OutboxFor(marker));
    }
}

public sealed class InvitationEmailBudgetOnSqlite(SqliteHearthFactory factory) : InvitationEmailBudgetTests<SqliteHearthFactory>(factory);

public sealed class InvitationEmailBudgetOnPostgres(PostgresHearthFactory factory) : InvitationEmailBudgetTests<PostgresHearthFactory>(factory);
