using System.CommandLine;
using Hearth.Web.Data;
using Hearth.Web.Features.Insights;

namespace Hearth.Web.Features.Operations.Cli;

/// <summary>
/// `hearth insights`: how often each kind of insight was marked "this doesn't fit us" (issue 17,
/// item 12; ADR 41). It reads only the count table, which holds a kind and a number: no person, no
/// space, no time, no words. That is all an operator ever sees of it.
/// </summary>
internal static class InsightVerbs
{
    public static Command Build(Func<ParseResult, OperatorSettings> settings, TextWriter output, TextWriter error)
    {
        var insights = new Command("insights", "How often each kind of insight was set aside as \"this doesn't fit us\": counts per kind only, nothing about anyone.");
        insights.SetAction((p, ct) => HearthCommand.Guarded(error, () => CountsAsync(settings(p), output, error, ct)));
        return insights;
    }

    private static async Task<int> CountsAsync(OperatorSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = settings.Options();
        var paths = OperatorSettings.Paths(options);
        if (!DatabaseSetup.IsPostgres(options.Database) && !File.Exists(paths.SqliteFile))
        {
            await error.WriteLineAsync($"hearth insights: there is no Hearth database at {paths.SqliteFile}. Use --data for the data folder the server uses.");
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();
        var counts = await InsightService.CountsAsync(scope.ServiceProvider.GetRequiredService<HearthDbContext>(), ct);
        var shown = counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (shown.Count == 0)
        {
            await output.WriteLineAsync("No insight has been set aside yet.");
            return HearthCommand.Done;
        }

        await output.WriteLineAsync("KIND\tSET ASIDE");
        foreach (var (kind, count) in shown)
        {
            await output.WriteLineAsync($"{kind}\t{count}");
        }

        return HearthCommand.Done;
    }
}
