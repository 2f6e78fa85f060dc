using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Daily;

/// <summary>The timer stores only its start: a new server process over the same data folder carries on.</summary>
public sealed class TimerRestartTests
{
    [Slow("restarts the host")]
    [Fact]
    public async Task A_timer_started_before_a_restart_stops_after_it_with_the_full_time()
    {
        Guid spaceId;
        string email;
        DateTimeOffset startedAt;
        string dataDirectory;
        await using (var first = new SqliteHearthFactory())
        {
            var ana = await Person.RegisterAsync(first, "Ana");
            var ben = await Person.RegisterAsync(first, "Ben");
            spaceId = await ana.PairWithAsync(ben);
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri($"/api/v1/spaces/{spaceId}/quality-time/timer/start", UriKind.Relative), null));
            email = ana.Email;
            startedAt = first.Clock.GetUtcNow();
            dataDirectory = first.DataDirectory;

            // Keep the folder: the second process opens it.
            var keep = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
            CopyDirectory(dataDirectory, keep);
            dataDirectory = keep;
        }

        await using var second = new SqliteHearthFactory { DataDirectory = dataDirectory, Clock = new TestClock(startedAt + TimeSpan.FromMinutes(40)) };
        var again = new Person(second, second.NewClient(), email, Person.DefaultPassword, "Ana");
        await again.SignInAsync();
        Assert.True((await again.GetJsonAsync($"/api/v1/spaces/{spaceId}/quality-time")).GetProperty("timer").GetProperty("running").GetBoolean());

        var stopped = await again.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/quality-time/timer/stop", new { });
        await Expect.StatusAsync(HttpStatusCode.OK, stopped);
        var view = await stopped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(40, view.GetProperty("week").GetProperty("totalMinutes").GetInt32());
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
        }
    }
}
