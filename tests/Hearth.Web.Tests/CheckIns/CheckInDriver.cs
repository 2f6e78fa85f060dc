using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>The weekly check-in through the API, as a person would use it.</summary>
public static class CheckInDriver
{
    public static Task<HttpResponseMessage> CheckInAsync(this Person person, Guid spaceId, object body) =>
        person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", body);

    public static async Task<JsonElement> CheckInOkAsync(this Person person, Guid spaceId, object body)
    {
        var response = await person.CheckInAsync(spaceId, body);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task SetTimeZoneAsync(this Person person, string zone) =>
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync("/api/v1/account/settings", new { timeZoneId = zone }));

    public static async Task<JsonElement> SetRitualAsync(this Person person, Guid spaceId, string day, string time, string? zone = null)
    {
        var response = await person.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day, time, timeZoneId = zone });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Moves the shared clock on a week; sessions go idle after two hours, so both sign in again.</summary>
    public static async Task NextWeekAsync(HearthFactory factory, params Person[] people)
    {
        factory.Clock.Advance(TimeSpan.FromDays(7));
        foreach (var person in people)
        {
            await person.SignInAsync();
        }
    }

    public static IEnumerable<string> Kinds(JsonElement insights, string audience) =>
        insights.GetProperty("insights").EnumerateArray()
            .Where(i => i.GetProperty("audience").GetString() == audience)
            .Select(i => i.GetProperty("kind").GetString()!);
}
