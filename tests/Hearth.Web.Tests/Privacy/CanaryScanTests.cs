using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Privacy;

/// <summary>Keeps every log line (LogCapturingFactory) and the body of every error response the app sends.</summary>
public sealed class CanaryFactory : LogCapturingFactory
{
    public ConcurrentQueue<string> ErrorBodies { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ErrorBodyRecorder(ErrorBodies)));
    }

    private sealed class ErrorBodyRecorder(ConcurrentQueue<string> bodies) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate following) =>
            {
                var original = context.Response.Body;
                await using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await following(context);
                }
                finally
                {
                    context.Response.Body = original;
                    if (context.Response.StatusCode >= 400)
                    {
                        bodies.Enqueue($"{context.Response.StatusCode} {Encoding.UTF8.GetString(buffer.ToArray())}");
                    }

                    buffer.Position = 0;
                    await buffer.CopyToAsync(original);
                }
            });
            next(app);
        };
    }
}

/// <summary>
/// The canary scan (docs/product/privacy-rules.md): a unique marker in every sensitive field Hearth stores, written
/// through every path that writes them (the features themselves, the import, account deletion),
/// then a search of the SQLite database file, its WAL and shared-memory files, the automatic
/// backups folder, an online backup made now, the outbox, every log line at trace level and every
/// error body the app sent: zero plaintext hits. A control marker in a field that is stored in clear
/// on purpose (the display name) proves the search does look in the right places.
/// </summary>
public sealed class CanaryScanTests(CanaryFactory factory) : IClassFixture<CanaryFactory>
{
    /// <summary>
    /// Every column that holds a person's free text, each encrypted. Assessment answers are numbers on
    /// a scale (no free text can be typed), so they carry no marker; they are encrypted all the same.
    /// A check-in's answers are one encrypted document; its "more of / less of" text carries the marker.
    /// The ritual, waking hours and reconnect plans hold no free text (days, times, catalogue ids).
    /// E-mail addresses and display names are stored in clear on purpose (docs/privacy.md).
    /// </summary>
    private static readonly string[] SensitiveFields =
    [
        "Memberships.Label", "PromptResponses.Answer", "Notes.Text", "Memories.Title", "Memories.Text",
        "WeeklyCheckIns.Answers",
    ];

    [Slow("marker text in every sensitive field, then every file searched")]
    [Fact]
    public async Task No_sensitive_text_appears_in_plaintext_in_the_database_wal_backups_outbox_logs_or_error_bodies()
    {
        var marker = "CANARY" + Guid.NewGuid().ToString("N")[..10];
        var world = await DataWorld.CreateAsync(factory, marker);
        var written = world.FreeText.ToList();

        // The control: a display name is stored in clear by design, so the scan must find it.
        var control = "CONTROL" + Guid.NewGuid().ToString("N")[..10];
        await Person.RegisterAsync(factory, control);

        // The import path writes the same kinds of text again, under a new person's key.
        var (_, file, _) = await DataWorld.ExportAsync(world.Ana);
        var cleo = await Person.RegisterAsync(factory, "Cleo");
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/json")));

        // Errors with the marker in what was sent: too long, broken JSON, a tampered import, a wrong passphrase.
        var answerUrl = $"/api/v1/spaces/{world.Solo}/memories";
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await world.Ana.Http.PostAsJsonAsync(answerUrl, new { title = marker + new string('x', 200) }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await world.Ana.Http.PostAsync(new Uri(answerUrl, UriKind.Relative), new StringContent("{\"title\":\"" + marker + "-broken", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await world.Ana.Http.PutAsJsonAsync($"/api/v1/spaces/{world.Solo}/label", new { label = marker + "\n" + marker }));
        var dora = await Person.RegisterAsync(factory, "Dora");
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await dora.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(file.Replace(world.M("note-ana"), marker + "-tampered", StringComparison.Ordinal), Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await world.Ben.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase = marker + "-guess" }) }));

        // E-mail: an invitation by e-mail and a passphrase reset land in the outbox.
        await Expect.StatusAsync(HttpStatusCode.Created, await world.Ana.Http.PostAsJsonAsync($"/api/v1/spaces/{world.Solo}/invitations", new { email = "friend@example.org" }));
        await Expect.StatusAsync(HttpStatusCode.Accepted, await factory.NewClient().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = world.Ana.Email }));

        // And deletion: Ben deletes his account (his rows go, his key is shredded).
        await Expect.StatusAsync(HttpStatusCode.NoContent, await world.Ben.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase = world.Ben.Password }) }));

        // An online backup, as an operator would take it while Hearth runs (docs/operations.md).
        var backup = Path.Combine(factory.DataDirectory, "backups", "canary-online-backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await using (var source = new SqliteConnection($"Data Source={factory.SqliteFile}"))
        await using (var target = new SqliteConnection($"Data Source={backup};Pooling=false"))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        var files = new[] { factory.SqliteFile, factory.SqliteFile + "-wal", factory.SqliteFile + "-shm" }
            .Concat(Directory.GetFiles(Path.Combine(factory.DataDirectory, "backups")))
            .Concat(Directory.Exists(factory.OutboxDirectory) ? Directory.GetFiles(factory.OutboxDirectory) : [])
            .Where(File.Exists)
            .ToList();
        Assert.Contains(factory.SqliteFile + "-wal", files);
        Assert.Contains(backup, files);
        Assert.True(factory.ReadOutbox().Count >= 2, "the outbox should hold the invitation and the reset e-mail");

        var places = files.Select(f => (Name: Path.GetFileName(f), Bytes: ReadShared(f))).ToList();
        places.Add(("logs", Encoding.UTF8.GetBytes(string.Join('\n', factory.Lines))));
        places.Add(("error bodies", Encoding.UTF8.GetBytes(string.Join('\n', factory.ErrorBodies))));

        var hits = places.Where(p => Contains(p.Bytes, marker)).Select(p => p.Name).ToList();
        var controlFound = places.Where(p => Contains(p.Bytes, control)).Select(p => p.Name).ToList();
        var summary = $"{SensitiveFields.Length} sensitive fields ({string.Join(", ", SensitiveFields)}), {written.Count} marker values, " +
                      $"{files.Count} files ({string.Join(", ", files.Select(Path.GetFileName))}), {factory.Lines.Count} log lines, " +
                      $"{factory.ErrorBodies.Count} error bodies scanned: {hits.Count} plaintext hits{(hits.Count > 0 ? " in " + string.Join(", ", hits) : "")}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        SecurityReport.Record(
            "canary scan: marker text in every sensitive field, searched in plaintext", "sqlite",
            written.Count * places.Count, hits.Count, $"{nameof(CanaryScanTests)}.{nameof(No_sensitive_text_appears_in_plaintext_in_the_database_wal_backups_outbox_logs_or_error_bodies)}",
            $"{written.Count} marker values x {places.Count} places (database, WAL, backups, outbox, logs, error bodies), UTF-8 and UTF-16");
        Assert.True(factory.ErrorBodies.Count >= 5, summary);
        Assert.True(controlFound.Contains("hearth.db") || controlFound.Contains("hearth.db-wal"), $"the control marker was not found in the database files: {summary}");
        Assert.Contains("canary-online-backup.db", controlFound);
        Assert.True(hits.Count == 0, summary);
    }

    /// <summary>Reads a file Hearth may still have open.</summary>
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>UTF-8 and UTF-16 (either byte order), so no text encoding slips past.</summary>
    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.BigEndianUnicode.GetBytes(needle)) >= 0;
}
