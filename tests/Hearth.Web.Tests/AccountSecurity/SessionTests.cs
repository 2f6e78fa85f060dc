using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.AccountSecurity;

public sealed class SessionTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private async Task<Person> SecondDeviceAsync(Person person)
    {
        var phone = new Person(factory, factory.NewClient(), person.Email, person.Password, person.Name);
        await phone.SignInAsync();
        return phone;
    }

    [Fact]
    public async Task A_person_sees_their_devices_and_can_sign_one_out_at_once()
    {
        var laptop = await Person.RegisterAsync(factory);
        var phone = await SecondDeviceAsync(laptop);

        var list = (await laptop.GetJsonAsync("/api/v1/account/sessions")).EnumerateArray().ToList();
        Assert.Equal(2, list.Count);
        Assert.True(list[0].GetProperty("isThisDevice").GetBoolean());
        Assert.False(list[1].GetProperty("isThisDevice").GetBoolean());
        var phoneSession = list[1].GetProperty("id").GetGuid();

        await Expect.StatusAsync(HttpStatusCode.NoContent, await laptop.Http.DeleteAsync(new Uri($"/api/v1/account/sessions/{phoneSession}", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await phone.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        await laptop.GetJsonAsync("/api/v1/me");
    }

    [Fact]
    public async Task Someone_elses_session_cannot_be_seen_or_ended()
    {
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var benSession = (await ben.GetJsonAsync("/api/v1/account/sessions"))[0].GetProperty("id").GetGuid();
        Assert.DoesNotContain(benSession.ToString(), (await ana.GetJsonAsync("/api/v1/account/sessions")).GetRawText(), StringComparison.Ordinal);

        var missing = await Expect.ProblemAsync(HttpStatusCode.NotFound, await ana.Http.DeleteAsync(new Uri($"/api/v1/account/sessions/{Guid.NewGuid()}", UriKind.Relative)));
        var foreign = await Expect.ProblemAsync(HttpStatusCode.NotFound, await ana.Http.DeleteAsync(new Uri($"/api/v1/account/sessions/{benSession}", UriKind.Relative)));
        Assert.Equal(missing.Detail(), foreign.Detail());
        await ben.GetJsonAsync("/api/v1/me");
    }

    [Fact]
    public async Task Signing_out_everywhere_else_keeps_only_this_device()
    {
        var laptop = await Person.RegisterAsync(factory);
        var phone = await SecondDeviceAsync(laptop);
        var tablet = await SecondDeviceAsync(laptop);

        var ended = await laptop.Http.PostAsync(new Uri("/api/v1/account/sessions/end-others", UriKind.Relative), null);
        Assert.Equal(2, (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetInt32());
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await phone.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await tablet.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        Assert.Single((await laptop.GetJsonAsync("/api/v1/account/sessions")).EnumerateArray());
    }

    [Fact]
    public async Task The_security_page_lists_devices_and_signs_one_out()
    {
        var laptop = await Person.RegisterAsync(factory);
        var phone = await SecondDeviceAsync(laptop);
        var page = await laptop.Http.GetPageAsync("/account/security");
        Assert.Equal(2, page.QuerySelectorAll(".session-list li").Length);
        Assert.Contains("(this device)", page.QuerySelector(".session-list")!.TextContent, StringComparison.Ordinal);

        var response = await laptop.Http.SubmitAsync("/account/security", new Dictionary<string, string>(), handler: "End");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await phone.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
    }
}
