using Hearth.Web.Hosting;
using Microsoft.Data.Sqlite;

namespace Hearth.Web.Features.Operations.Cli;

/// <summary>
/// The app's own services for a verb, built from the same settings as the server (appsettings.json,
/// Hearth__* environment variables) but never started: no web server, no migration, no background
/// work. Its logs are off; the verb says what matters in its own words.
/// </summary>
internal sealed class OperatorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private OperatorHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    public HearthPaths Paths => app.Services.GetRequiredService<HearthPaths>();

    public static OperatorHost Build(OperatorSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Values());
        builder.Logging.ClearProviders();
        builder.AddHearth();
        return new OperatorHost(builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>The settings a verb runs with: the data folder from --data, and (in tests) settings given in code.</summary>
internal sealed class OperatorSettings(IReadOnlyDictionary<string, string?>? extra)
{
    public string? DataDirectory { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> Values()
    {
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            yield return pair;
        }

        if (DataDirectory is not null)
        {
            yield return new("Hearth:DataDirectory", Path.GetFullPath(DataDirectory));
        }
    }

    /// <summary>The settings as the server would read them, without building anything (restore reads where to put the files).</summary>
    public HearthOptions Options()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(Values());
        return builder.Configuration.GetSection(HearthOptions.Section).Get<HearthOptions>() ?? new HearthOptions();
    }

    public static HearthPaths Paths(HearthOptions options) =>
        new(options.DataDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "data"), options.KeyRing.InDatabase ? null : options.KeyRing.Directory);
}
