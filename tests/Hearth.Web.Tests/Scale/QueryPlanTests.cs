using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Security;
using Microsoft.Data.Sqlite;

namespace Hearth.Web.Tests.Scale;

/// <summary>
/// The pages a pair opens every day cost the same after five years as after one week only if every
/// query they send finds its rows by index. These tests capture the SQL that EF Core sends for them
/// and ask SQLite for its plan (SQLite keeps no statistics, so an index on the space alone can win
/// over the one that finds today's rows: it did for today's question's answers).
/// </summary>
public sealed partial class QueryPlanTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task The_dashboard_question_and_check_in_find_their_rows_by_index()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        await ana.SetRitualAsync(spaceId, "sunday", "19:00", "Etc/UTC");
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "A walk." }));
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 7 });

        var problems = new List<string>();
        foreach (var path in new[] { $"/api/v1/spaces/{spaceId}/dashboard", $"/spaces/{spaceId}", $"/api/v1/spaces/{spaceId}/prompt/today", $"/api/v1/spaces/{spaceId}/check-in" })
        {
            problems.AddRange(await ProblemsOfAsync(ana, path));
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public async Task Choosing_a_new_days_question_reads_a_window_not_the_whole_history()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString();

        // The first look of the next day chooses its question (from the dashboard, as a pair opens it).
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await ana.SignInAsync();
        var problems = await ProblemsOfAsync(ana, $"/api/v1/spaces/{spaceId}/dashboard");

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.NotEqual(date, (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString());
    }

    private async Task<List<string>> ProblemsOfAsync(Person person, string path)
    {
        factory.Lines.Clear();
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.GetAsync(new Uri(path, UriKind.Relative)));
        var queries = factory.Lines.Select(SelectOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(queries);
        var problems = new List<string>();
        foreach (var sql in queries)
        {
            foreach (var step in await PlanAsync(sql))
            {
                problems.Add($"{path}: {step}\n{sql}");
            }
        }

        return problems;
    }

    /// <summary>The SQL of an "Executed DbCommand" log line, if it is a query.</summary>
    private static string? SelectOf(string line)
    {
        var at = line.IndexOf("CommandTimeout='30']", StringComparison.Ordinal);
        if (!line.StartsWith("Microsoft.EntityFrameworkCore.Database.Command: Executed DbCommand", StringComparison.Ordinal) || at < 0)
        {
            return null;
        }

        var sql = line[(at + "CommandTimeout='30']".Length)..].Trim();
        return sql.StartsWith("SELECT", StringComparison.Ordinal) ? sql : null;
    }

    /// <summary>Plan steps that read a whole table, or reach rows through the space alone.</summary>
    private async Task<List<string>> PlanAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.SqliteFile};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + Parameter().Replace(sql, "'x'");
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        // Subqueries EF Core writes are computed once (CO-ROUTINE / MATERIALIZE) and then scanned: fine.
        var computed = steps.Select(s => Computed().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return steps.Where(s =>
                // "SCAN CONSTANT ROW" is the one-row SELECT around an EXISTS: no table is read; the EXISTS has its own step.
                (Scan().Match(s) is { Success: true } scan && s != "SCAN CONSTANT ROW" && !computed.Contains(scan.Groups[1].Value) && !scan.Groups[1].Value.StartsWith("(subquery", StringComparison.Ordinal))
                || SpaceOnly().IsMatch(s)
                || WholeHistory(s, sql))
            .ToList();
    }

    /// <summary>
    /// Rows up to a date with no lower bound are the pair's whole history, unless a LIMIT stops early or
    /// the step only finds the newest (MAX) or oldest (MIN) row, which SQLite reads from one end of the index.
    /// </summary>
    private static bool WholeHistory(string step, string sql)
    {
        if (UpToADate().Match(step) is not { Success: true } match)
        {
            return false;
        }

        var alias = match.Groups[1].Value;
        return !sql.Contains("LIMIT", StringComparison.Ordinal)
               && !sql.Contains($"MAX(\"{alias}\".", StringComparison.Ordinal)
               && !sql.Contains($"MIN(\"{alias}\".", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (\S+)")]
    private static partial Regex Computed();

    [GeneratedRegex(@"^SCAN (\S+)")]
    private static partial Regex Scan();

    [GeneratedRegex(@"^SEARCH (\S+) USING .*\(SpaceId=\? AND \w+<\?\)")]
    private static partial Regex UpToADate();

    [GeneratedRegex(@"USING (?:COVERING )?INDEX IX_\w+_SpaceId \(SpaceId=\?\)")]
    private static partial Regex SpaceOnly();
}
