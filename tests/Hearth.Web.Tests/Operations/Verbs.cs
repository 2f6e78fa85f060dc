using Hearth.Web.Features.Operations.Cli;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Operations;

/// <summary>Runs a `hearth` verb in this process, as `Hearth.Web verb ...` would, and keeps what it said.</summary>
internal static class Verbs
{
    public sealed record Ran(int Code, string Out, string Err)
    {
        public string Said => Out + Err;
    }

    /// <summary>The verb ended well; if not, the failure names what it said.</summary>
    public static Ran Succeeded(Ran ran)
    {
        Assert.True(ran.Code == 0, $"exit {ran.Code}: {ran.Said}");
        return ran;
    }

    public static async Task<Ran> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HearthCommand.RunAsync(args, output, error, settings);
        return new Ran(code, output.ToString(), error.ToString());
    }

    /// <summary>The verb on a SQLite data folder, named with --data as an operator would.</summary>
    public static Task<Ran> OnFolderAsync(string dataDirectory, params string[] args) =>
        RunAsync(new Dictionary<string, string?> { ["Hearth:Database:Provider"] = "sqlite" }, [.. args, "--data", dataDirectory]);

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));

    public static string[] FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    /// <summary>A Hearth over a restored folder, its clock where the first one's was.</summary>
    public static SqliteHearthFactory Over(string folder, HearthFactory original)
    {
        var factory = new SqliteHearthFactory { DataDirectory = folder };
        factory.Clock.Advance(original.Clock.GetUtcNow() - HearthFactory.Start);
        return factory;
    }
}
