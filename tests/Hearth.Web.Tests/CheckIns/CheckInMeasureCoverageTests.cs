using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearth.Core.CheckIns;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>
/// Every measure in the one definition (<see cref="CheckInMeasures.Definitions"/>) goes all the way
/// through: asked on the page, taken by the API, shown back, charted, exported, revealed and imported.
/// A measure added to the definition but not to one of these fails here.
/// </summary>
public abstract class CheckInMeasureCoverageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, new()
{
    private static int Given(CheckInMeasureInfo m, bool high) => high ? m.Max : m.Min;

    private static Dictionary<string, object> Answers(bool high) =>
        CheckInMeasures.Definitions.ToDictionary(m => m.WireName, m => (object)Given(m, high), StringComparer.Ordinal);

    private static void Each(List<string> missing, string where, JsonElement answers, bool high)
    {
        foreach (var m in CheckInMeasures.Definitions)
        {
            if (!answers.TryGetProperty(m.WireName, out var value) || value.ValueKind != JsonValueKind.Number || value.GetInt32() != Given(m, high))
            {
                missing.Add($"{m.WireName} in {where}");
            }
        }
    }

    [Fact]
    public async Task Every_measure_is_asked_shown_charted_exported_revealed_and_imported()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var missing = new List<string>();

        var form = await ana.Http.GetPageAsync($"/spaces/{spaceId}/check-in");
        missing.AddRange(CheckInMeasures.Definitions.Where(m => form.QuerySelector($"form [name='{m.FormName}']") is null).Select(m => $"{m.WireName} on the page's form"));

        var sent = await ana.CheckInOkAsync(spaceId, Answers(high: true));
        Each(missing, "the API's answer", sent.GetProperty("week").GetProperty("yours"), high: true);
        await ben.CheckInOkAsync(spaceId, Answers(high: false));

        var shown = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/check-in")).QuerySelectorAll("dl.answers").ToList();
        var content = CheckInContent.Weekly;
        foreach (var m in CheckInMeasures.Definitions)
        {
            var heading = m.AnswerHeading ?? content.Item(m.Measure).Text;
            if (shown.Count != 2 || shown.Any(list => list.QuerySelectorAll("dt").All(dt => dt.TextContent.Trim() != heading)))
            {
                missing.Add($"{m.WireName} in the answers shown on the page");
            }
        }

        var trends = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/trends");
        var charted = trends.GetProperty("yours").EnumerateArray().Select(t => t.GetProperty("measure").GetString()).ToList();
        missing.AddRange(CheckInMeasures.Definitions.Where(m => !charted.Contains(m.WireName)).Select(m => $"{m.WireName} in the trends"));

        var (_, document, export) = await DataWorld.ExportAsync(ana);
        var space = export.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "paired");
        var mine = space.GetProperty("mine").GetProperty("checkIns")[0];
        Each(missing, "the export", mine, high: true);
        Each(missing, "the export's revealed check-in", space.GetProperty("sharedWithMe").GetProperty("items").GetProperty("checkIns")[0], high: false);

        await using var elsewhere = new TFactory();
        elsewhere.Clock.Advance(factory.Clock.GetUtcNow() - HearthFactory.Start);
        var cleo = await Person.RegisterAsync(elsewhere, "Cleo");
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(document, Encoding.UTF8, "application/json")));
        var cleoSpace = (await cleo.GetJsonAsync("/api/v1/spaces")).EnumerateArray().Single().GetProperty("id").GetGuid();
        var imported = await cleo.GetJsonAsync($"/api/v1/spaces/{cleoSpace}/check-in/weeks/{mine.GetProperty("week").GetString()}");
        Each(missing, "the imported check-in", imported.GetProperty("yours"), high: true);

        SecurityReport.Record("every check-in measure handled end to end", factory.ProviderName, CheckInMeasures.Definitions.Count, missing.Count,
            "CheckInMeasureCoverageTests.Every_measure_is_asked_shown_charted_exported_revealed_and_imported", "each measure of the definition through page, API, trends, export, reveal and import");
        Assert.Empty(missing);
    }
}

public sealed class CheckInMeasureCoverageOnSqlite(SqliteHearthFactory factory) : CheckInMeasureCoverageTests<SqliteHearthFactory>(factory);

public sealed class CheckInMeasureCoverageOnPostgres(PostgresHearthFactory factory) : CheckInMeasureCoverageTests<PostgresHearthFactory>(factory);
