using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// Every kind of data a feature registers (<see cref="IPersonalDataKind"/>) takes part in all three
/// data rights: it is in the export, it comes back on import, and deleting the account leaves no row
/// that names the person. The kinds come from the app itself, so a new kind cannot be left out.
/// </summary>
public abstract class EveryKindTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, new()
{
    [Fact]
    public async Task Every_registered_kind_of_data_is_exported_imported_and_erased()
    {
        factory.RequireAvailable();
        var kinds = RegisteredKinds(factory);
        Assert.NotEmpty(kinds);
        var world = await DataWorld.CreateAsync(factory, "EK" + Guid.NewGuid().ToString("N")[..6]);
        var (_, body, export) = await DataWorld.ExportAsync(world.Ana);

        // Export: each kind has Ana's own items in the file (the test world uses every feature).
        var exported = Counts(export, kinds);
        var notExported = kinds.Where(k => exported[k] == 0).ToList();

        // Import: each kind comes back, as many items as went out.
        await using var elsewhere = new TFactory();
        elsewhere.Clock.Advance(factory.Clock.GetUtcNow() - HearthFactory.Start);
        var cleo = await Person.RegisterAsync(elsewhere, "Cleo");
        var imported = await cleo.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var importProblem = imported.IsSuccessStatusCode ? "" : await imported.Content.ReadAsStringAsync();
        var back = Counts((await DataWorld.ExportAsync(cleo)).Json, kinds);
        var exportOnly = ExportOnlyKinds(factory);
        var notImported = kinds.Where(k => back[k] != (exportOnly.Contains(k) ? 0 : exported[k])).Select(k => $"{k} ({exported[k]} out, {back[k]} back)").ToList();

        // Deletion: no row anywhere still names Ana, in any table a kind (or anything else) writes.
        var anaId = (await world.Ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        await Expect.StatusAsync(HttpStatusCode.NoContent, await world.Ana.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase = world.Ana.Password }) }));
        var columns = await factory.WithDbAsync(db => RowsNamingAsync(db, anaId));
        var notErased = columns.Where(c => c.Rows > 0).Select(c => $"{c.Column} ({c.Rows})").ToList();

        SecurityReport.Record(
            "data rights cover every registered kind",
            factory.ProviderName,
            (kinds.Count * 2) + columns.Count,
            notExported.Count + notImported.Count + notErased.Count,
            "EveryKindTests.Every_registered_kind_of_data_is_exported_imported_and_erased",
            $"each of the {kinds.Count} registered kinds exported and imported back; {columns.Count} user columns checked after deletion");
        Assert.True(
            notExported.Count + notImported.Count + notErased.Count == 0,
            $"Not in the export: [{string.Join(", ", notExported)}]. Not brought back by import: [{string.Join(", ", notImported)}] {importProblem}. Rows still naming the deleted person: [{string.Join(", ", notErased)}].");
    }

    /// <summary>Kinds marked <see cref="IExportOnlyKind"/>: exported and erased, never imported (they name this Hearth's accounts).</summary>
    private static HashSet<string> ExportOnlyKinds(HearthFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IPersonalDataKind>().OfType<IExportOnlyKind>().Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static List<string> RegisteredKinds(HearthFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IPersonalDataKind>().Select(k => k.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Items per kind in "mine", over all of the person's spaces.</summary>
    private static Dictionary<string, int> Counts(JsonElement export, List<string> kinds) =>
        kinds.ToDictionary(
            k => k,
            k => export.GetProperty("spaces").EnumerateArray()
                .Sum(s => s.GetProperty("mine").TryGetProperty(k, out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : 0),
            StringComparer.Ordinal);

    /// <summary>Every column that holds a person's id ("UserId", "AuthorUserId", ... and the account's own id), with the rows still holding this one.</summary>
    private static async Task<List<(string Column, int Rows)>> RowsNamingAsync(HearthDbContext db, Guid userId)
    {
        var found = new List<(string, int)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType && t.BaseType is null))
        {
            var properties = entity.GetProperties()
                .Where(p => (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?))
                            && (p.Name.EndsWith("UserId", StringComparison.Ordinal) || (entity.ClrType == typeof(HearthUser) && p.Name == nameof(HearthUser.Id))));
            foreach (var property in properties)
            {
                var count = typeof(EveryKindTests<TFactory>)
                    .GetMethod(property.ClrType == typeof(Guid) ? nameof(CountAsync) : nameof(CountNullableAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(entity.ClrType)
                    .Invoke(null, [db, property.Name, userId]) as Task<int>;
                found.Add(($"{entity.GetTableName()}.{property.Name}", await count!));
            }
        }

        return found;
    }

    private static Task<int> CountAsync<T>(HearthDbContext db, string property, Guid id)
        where T : class =>
        db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<Guid>(e, property) == id);

    private static Task<int> CountNullableAsync<T>(HearthDbContext db, string property, Guid id)
        where T : class =>
        db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<Guid?>(e, property) == id);
}

public sealed class EveryKindOnSqlite(SqliteHearthFactory factory) : EveryKindTests<SqliteHearthFactory>(factory);

public sealed class EveryKindOnPostgres(PostgresHearthFactory factory) : EveryKindTests<PostgresHearthFactory>(factory);
