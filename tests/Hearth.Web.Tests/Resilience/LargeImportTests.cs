using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Resilience;

/// <summary>
/// A large import (issue Trust, item 10) writes in short transactions, so another member's writes
/// go through between its batches instead of waiting for the whole file; and it stays all or
/// nothing from the importer's side: one that fails part-way leaves nothing behind.
/// </summary>
[Slow("imports export files of several megabytes")]
public abstract class LargeImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IFailingWritesFactory
{
    /// <summary>An export of a solo space holding <paramref name="memories"/> memories of about 1.4 KB each.</summary>
    private async Task<string> LargeExportAsync(int memories)
    {
        var ivy = await Person.RegisterAsync(factory, "Ivy");
        var space = await ivy.CreateSpaceAsync("friends");
        await Expect.StatusAsync(HttpStatusCode.Created, await ivy.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/memories", new { title = "The first one", text = "by the lake", kind = "shared-experience", date = "2026-05-01", shared = false }));
        var (_, file, _) = await DataWorld.ExportAsync(ivy);
        var node = JsonNode.Parse(file)!.AsObject();
        var list = node["spaces"]![0]!["mine"]!["memories"]!.AsArray();
        var template = list[0]!.AsObject();
        list.Clear();
        var words = string.Join(' ', Enumerable.Repeat("a slow evening walk along the water, talking about nothing much", 22));
        for (var i = 0; i < memories; i++)
        {
            var item = template.DeepClone().AsObject();
            item["title"] = $"Memory {i}";
            item["text"] = $"{i}: {words}";
            list.Add(item);
        }

        return ExportDigest.Seal(node).ToJsonString();
    }

    /// <summary>Where each memory row sits in the order writes were committed (SQLite: rowid; PostgreSQL: its transaction id), by space.</summary>
    private Task<List<(long Position, Guid SpaceId)>> MemoryOrderAsync() => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = factory.ProviderName == "sqlite"
            ? "SELECT rowid, \"SpaceId\" FROM \"Memories\""
            : "SELECT xmin::text::bigint, \"SpaceId\" FROM \"Memories\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, Guid)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), Guid.Parse(reader.GetValue(1).ToString()!)));
        }

        return rows;
    });

    [Fact]
    public async Task Another_member_writes_in_between_the_batches_of_a_large_import()
    {
        factory.RequireAvailable();
        var file = await LargeExportAsync(2500);
        Assert.InRange(Encoding.UTF8.GetByteCount(file), 3_000_000, DataImportService.MaxBytes);
        var olive = await Person.RegisterAsync(factory, "Olive");
        var hers = await olive.CreateSpaceAsync("family");
        var gus = await Person.RegisterAsync(factory, "Gus");

        // The import is held right after its first batch is saved; Olive writes then. If the import
        // kept the writer (one long transaction), her writes would wait for the whole file instead.
        factory.BatchPause.Arm();
        var import = gus.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/json"));
        await factory.BatchPause.Paused.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var written = 0;
        var failed = 0;
        for (var i = 0; i < 3; i++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            var write = await olive.Http.PostAsJsonAsync($"/api/v1/spaces/{hers}/memories", new { title = $"Olive {i}", text = "the garden", kind = "reflection", date = "2026-05-01", shared = false }, timeout.Token);
            if (write.StatusCode == HttpStatusCode.Created)
            {
                written++;
            }
            else
            {
                failed++;
            }
        }

        factory.BatchPause.Release();

        await Expect.StatusAsync(HttpStatusCode.OK, await import);
        var gusSpace = (await gus.GetJsonAsync("/api/v1/spaces")).EnumerateArray().Single().GetProperty("id").GetGuid();
        var order = await MemoryOrderAsync();
        var imported = order.Where(r => r.SpaceId == gusSpace).Select(r => r.Position).ToList();
        var first = imported.Min();
        var last = imported.Max();
        var inBetween = order.Count(r => r.SpaceId == hers && r.Position > first && r.Position < last);
        SecurityReport.Record("a large import does not hold other people's writes", factory.ProviderName, written + failed, failed,
            $"{GetType().Name}.{nameof(Another_member_writes_in_between_the_batches_of_a_large_import)}",
            $"a {Encoding.UTF8.GetByteCount(file) / 1024} KB import of {imported.Count} memories; {inBetween} of {written} of another member's writes landed between its first and last batch");
        Assert.Equal(2500, imported.Count);
        Assert.Equal(0, failed);
        Assert.True(inBetween > 0, $"None of the other member's {written} writes landed between the import's first and last row: the import held the writer for its whole length.");
    }

    [Fact]
    public async Task An_import_that_fails_part_way_leaves_nothing_behind_and_can_be_tried_again()
    {
        factory.RequireAvailable();
        var file = await LargeExportAsync(1200);
        var gus = await Person.RegisterAsync(factory, "Gus");
        var before = await factory.RowCountsAsync();
        var memories = before["Memories"];

        // The database refuses the import's memories once most of them are in.
        await factory.RefuseInsertsOnceFullAsync("Memories", (int)memories + 1000);
        HttpResponseMessage failed;
        try
        {
            failed = await gus.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/json"));
        }
        finally
        {
            await factory.AllowInsertsAsync("Memories");
        }

        var after = await factory.RowCountsAsync();
        var changed = before.Keys.Where(t => before[t] != after.GetValueOrDefault(t)).Select(t => $"{t}: {before[t]} -> {after.GetValueOrDefault(t)}").ToList();
        SecurityReport.Record("an import that fails part-way leaves nothing", factory.ProviderName, before.Count, changed.Count,
            $"{GetType().Name}.{nameof(An_import_that_fails_part_way_leaves_nothing_behind_and_can_be_tried_again)}",
            "row counts of every table before and after an import of 1,200 memories refused at the 1,000th");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(changed);
        Assert.Empty((await gus.GetJsonAsync("/api/v1/spaces")).EnumerateArray());

        await Expect.StatusAsync(HttpStatusCode.OK, await gus.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/json")));
        Assert.Equal(memories + 1200, (await factory.RowCountsAsync())["Memories"]);
    }
}

public sealed class LargeImportOnSqlite(FailingWritesSqliteFactory factory) : LargeImportTests<FailingWritesSqliteFactory>(factory);

public sealed class LargeImportOnPostgres(FailingWritesPostgresFactory factory) : LargeImportTests<FailingWritesPostgresFactory>(factory);
