using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>The export carries the member's language as its code, never a sentence; an import brings it back and refuses a code Hearth does not speak.</summary>
public abstract class LanguageExportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task The_language_travels_as_a_code_through_export_and_import()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        var response = await ana.Http.GetAsync(new Uri("/api/v1/account/export", UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var file = await response.Content.ReadAsStringAsync();

        // German pages, yet the file holds the code and no German word about it.
        Assert.Equal("de", (string?)JsonNode.Parse(file)!["account"]!["language"]);
        Assert.DoesNotContain("Deutsch", file, StringComparison.Ordinal);

        var cleo = await Person.RegisterAsync(factory, "Cleo");
        await Expect.StatusAsync(HttpStatusCode.OK, await ImportAsync(cleo, file));
        Assert.Equal("de", (await cleo.GetJsonAsync("/api/v1/account/language")).GetProperty("language").GetString());

        foreach (var bad in new[] { "xx", "Deutsch", "qps-Ploc" })
        {
            var doc = JsonNode.Parse(file)!.AsObject();
            doc["account"]!["language"] = bad;
            var gil = await Person.RegisterAsync(factory, "Gil");
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ImportAsync(gil, ExportDigest.Seal(doc).ToJsonString()));
            Assert.Equal(["This is not a language Hearth speaks."], problem.FieldErrors("account.language"));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await gil.GetJsonAsync("/api/v1/account/language")).GetProperty("language").ValueKind);
        }
    }

    private static Task<HttpResponseMessage> ImportAsync(Person person, string json) =>
        person.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}

public sealed class LanguageExportOnSqlite(SqliteHearthFactory factory) : LanguageExportTests<SqliteHearthFactory>(factory);

public sealed class LanguageExportOnPostgres(PostgresHearthFactory factory) : LanguageExportTests<PostgresHearthFactory>(factory);
