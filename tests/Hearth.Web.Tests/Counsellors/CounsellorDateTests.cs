using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>
/// A date in digits alone reads two ways: 12/4/2026 is 4 December to one reader and 12 April to
/// another. Every page of the counsellor's work (the counsellor's list and sheet, the members' page
/// and their practices with the suggestion) names the month, in English and in German.
/// </summary>
public sealed partial class CounsellorDateTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task Every_counsellor_page_names_the_month_of_its_dates_never_digits_alone()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var space = await ana.PairWithAsync(ben);
        var cleo = await CounsellorSteps.CounsellorAsync(factory);
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo, firstDays: 30, secondDays: 30);
        await Expect.StatusAsync(HttpStatusCode.Created, await cleo.Http.PostAsJsonAsync($"/api/v1/counsellor/pairs/{grant}/suggestions", new { practiceId = "practice.walk-and-talk" }));

        // 30 days from the test clock's 1 June 2026, and the suggestion made today.
        var pages = new (Person Who, string Path, string[] Dates)[]
        {
            (cleo, "/counsellor", ["1 July 2026"]),
            (cleo, $"/counsellor/{grant}", ["1 July 2026", "1 June 2026"]),
            (ana, $"/spaces/{space}/counsellor", ["1 July 2026"]),
            (ana, $"/spaces/{space}/practices", ["1 June 2026"]),
        };
        var wrong = new List<string>();
        foreach (var (who, path, dates) in pages)
        {
            wrong.AddRange(await ProblemsAsync(who, path, dates));
        }

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        foreach (var (who, path, dates) in pages)
        {
            wrong.AddRange(await ProblemsAsync(who, path, dates.Select(d => d.Replace("1 July", "1. Juli", StringComparison.Ordinal).Replace("1 June", "1. Juni", StringComparison.Ordinal)).ToArray()));
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static async Task<List<string>> ProblemsAsync(Person who, string path, string[] dates)
    {
        var text = (await who.Http.GetPageAsync(path)).Body!.TextContent;
        var problems = DigitsOnly().Matches(text).Select(m => $"{path}: a date in digits alone, \"{m.Value}\"").ToList();
        problems.AddRange(dates.Where(d => !text.Contains(d, StringComparison.Ordinal)).Select(d => $"{path}: no \"{d}\""));
        return problems;
    }

    [GeneratedRegex(@"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")]
    private static partial Regex DigitsOnly();
}
