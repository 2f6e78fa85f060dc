using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.AccountSecurity;

/// <summary>After a pause, private history asks for the passphrase again before it shows anything.</summary>
public sealed class ConfirmItsYouTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task After_a_pause_history_waits_for_the_passphrase_and_ordinary_pages_do_not()
    {
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("friends");
        await sam.TakeAsync(spaceId, AssessmentDriver.Uniform(4), kind: "friends");
        await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/results");

        factory.Clock.Advance(TimeSpan.FromMinutes(16));

        // Everyday pages carry on; history does not.
        await sam.Http.GetPageAsync($"/spaces/{spaceId}");
        var page = await sam.Http.GetAsync(new Uri($"/spaces/{spaceId}/assessment/results", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/confirm?returnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var api = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await sam.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/assessment/results", UriKind.Relative)));
        Assert.Equal("Please confirm it's you", api.GetProperty("title").GetString());
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await sam.Http.GetAsync(new Uri("/api/v1/account/sessions", UriKind.Relative)));

        var wrong = await sam.Http.SubmitAsync("/account/confirm", new Dictionary<string, string> { ["Passphrase"] = "someone else guessing" });
        Assert.Contains("isn't right", (await wrong.ParseAsync()).FieldError("Passphrase"), StringComparison.Ordinal);

        var right = await sam.Http.SubmitAsync($"/account/confirm?returnUrl={Uri.EscapeDataString($"/spaces/{spaceId}/assessment/results")}", new Dictionary<string, string> { ["Passphrase"] = sam.Password });
        Assert.Equal($"/spaces/{spaceId}/assessment/results", right.Headers.Location!.OriginalString);
        await sam.Http.GetPageAsync($"/spaces/{spaceId}/assessment/results");
        await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/results");
    }

    [Fact]
    public async Task The_api_confirms_with_the_passphrase_too()
    {
        var sam = await Person.RegisterAsync(factory);
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await sam.Http.GetAsync(new Uri("/api/v1/account/sessions", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await sam.Http.PostAsJsonAsync("/api/v1/account/confirm", new { passphrase = "not it at all, sorry" }));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await sam.Http.PostAsJsonAsync("/api/v1/account/confirm", new { passphrase = sam.Password }));
        await sam.GetJsonAsync("/api/v1/account/sessions");
    }

    [Fact]
    public async Task Your_data_and_its_export_wait_for_the_passphrase_after_a_pause()
    {
        var sam = await Person.RegisterAsync(factory);
        await sam.Http.GetPageAsync("/account/data");
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var page = await sam.Http.GetAsync(new Uri("/account/data/view", UriKind.Relative));
        Assert.StartsWith("/account/confirm", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await sam.Http.GetAsync(new Uri("/api/v1/account/export", UriKind.Relative)));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await sam.Http.PostAsJsonAsync("/api/v1/account/confirm", new { passphrase = sam.Password }));
        await Expect.StatusAsync(HttpStatusCode.OK, await sam.Http.GetAsync(new Uri("/api/v1/account/export", UriKind.Relative)));
    }

    [Fact]
    public async Task Short_pauses_ask_for_nothing()
    {
        var sam = await Person.RegisterAsync(factory);
        for (var i = 0; i < 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            await sam.GetJsonAsync("/api/v1/account/sessions");
        }
    }
}
