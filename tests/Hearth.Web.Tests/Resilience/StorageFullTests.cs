using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Resilience;

/// <summary>
/// With the disk full (issue Trust, item 17) every write answers a clear 503 with Retry-After, not a
/// generic 500, pages show a friendly "can't save right now", and /health says Unhealthy; once there
/// is room again, writes work and /health recovers.
/// </summary>
public abstract class StorageFullTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IFailingWritesFactory
{
    [Fact]
    public async Task With_the_disk_full_every_write_answers_503_with_retry_after_and_health_says_so_until_there_is_room()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var space = await ana.PairWithAsync(ben, "friends");
        Assert.Equal(HttpStatusCode.OK, (await ana.Http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        // Long enough (two bytes a character) that each row needs new room in the database.
        var story = new string('é', 4000);
        var writes = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("memory", () => ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/memories", new { title = "By the lake", text = story, kind = "shared-experience", date = "2026-05-01", shared = false })),
            ("note", () => ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/notes", new { kind = "appreciation", text = story[..2000] })),
            ("second memory", () => ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/memories", new { title = "The long walk", text = story, kind = "shared-experience", date = "2026-05-02", shared = false })),
            ("second note", () => ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/notes", new { kind = "thinking-of-you", text = story[..2000] })),
        };

        var wrong = new List<string>();
        await factory.FillDiskAsync();
        try
        {
            foreach (var (what, send) in writes)
            {
                var answer = await send();
                var body = await answer.Content.ReadAsStringAsync();
                if (answer.StatusCode != HttpStatusCode.ServiceUnavailable || answer.Headers.RetryAfter?.Delta is not { TotalSeconds: > 0 } || !body.Contains("can't save right now", StringComparison.Ordinal))
                {
                    wrong.Add($"{what}: {(int)answer.StatusCode} retry-after={answer.Headers.RetryAfter} {body[..Math.Min(160, body.Length)]}");
                }
            }

            var page = await ana.Http.SubmitAsync($"/spaces/{space}/memories", new Dictionary<string, string> { ["Input.Title"] = "From the page", ["Input.Kind"] = "first", ["Input.Visibility"] = "private", ["Input.Text"] = story });
            // What the person reads: the page's text, HTML entities decoded ("can&#x27;t").
            var pageText = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            if (page.StatusCode != HttpStatusCode.ServiceUnavailable || page.Headers.RetryAfter is null || !pageText.Contains("Hearth can't save right now", StringComparison.Ordinal))
            {
                wrong.Add($"memory page form: {(int)page.StatusCode} retry-after={page.Headers.RetryAfter}");
            }

            var health = await ana.Http.GetAsync(new Uri("/health", UriKind.Relative));
            if (health.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                wrong.Add($"/health while full: {(int)health.StatusCode} {await health.Content.ReadAsStringAsync()}");
            }
        }
        finally
        {
            await factory.FreeDiskAsync();
        }

        var after = await writes[0].Send();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var healthAfter = await ana.Http.GetAsync(new Uri("/health", UriKind.Relative));
        SecurityReport.Record("a full disk answers 503 with Retry-After and readiness says so", factory.ProviderName, writes.Length + 2, wrong.Count,
            $"{GetType().Name}.{nameof(With_the_disk_full_every_write_answers_503_with_retry_after_and_health_says_so_until_there_is_room)}",
            "memory and note writes by API, a memory by page form, and /health, with the database unable to grow");
        Assert.Empty(wrong);
        await Expect.StatusAsync(HttpStatusCode.Created, after);
        Assert.Equal(HttpStatusCode.OK, healthAfter.StatusCode);
    }

    [Fact]
    public async Task Health_says_unhealthy_when_the_data_folder_has_less_free_space_than_configured()
    {
        factory.RequireAvailable();
        await using var tight = factory.Factory.WithWebHostBuilder(b => b.UseSetting("Hearth:Health:MinimumFreeDiskMegabytes", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var health = await tight.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}

public sealed class StorageFullOnSqlite(FailingWritesSqliteFactory factory) : StorageFullTests<FailingWritesSqliteFactory>(factory);

public sealed class StorageFullOnPostgres(FailingWritesPostgresFactory factory) : StorageFullTests<FailingWritesPostgresFactory>(factory);
