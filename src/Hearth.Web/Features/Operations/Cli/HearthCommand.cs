using System.CommandLine;

namespace Hearth.Web.Features.Operations.Cli;

/// <summary>
/// The `hearth` verbs (ADR 44): the same program as the server. `Hearth.Web backup ...` (or
/// `dotnet run --project src/Hearth.Web -- backup ...`) runs a verb and exits; with no verb, or with
/// only options such as --urls, the server starts as before. Exit codes: 0 done, 1 refused or a
/// problem found, 2 the command line itself was wrong. Operator text is English.
/// </summary>
public static class HearthCommand
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    private static readonly string[] Verbs = ["backup", "restore", "verify", "users", "counsellors", "insights", "--help", "-h", "-?"];

    /// <summary>True when the arguments ask for a verb rather than the server: a first word that is not an option or a key=value setting.</summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0], StringComparer.Ordinal) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) && !args[0].StartsWith('/')));

    /// <summary>Runs a verb. <paramref name="settings"/> adds Hearth settings in code (tests); the server's own sources apply too.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Build(output, error, settings);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("See 'hearth --help'.");
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
    }

    private static RootCommand Build(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings)
    {
        var data = new Option<string?>("--data")
        {
            Description = "The data folder (default: Hearth:DataDirectory, else data/ beside the app), as the server uses it.",
            Recursive = true,
        };
        var root = new RootCommand("Hearth. With no verb it runs the server; these verbs look after an installation.") { data };
        OperatorSettings Settings(ParseResult p) => new(settings) { DataDirectory = p.GetValue(data) };

        var to = new Option<string>("--to") { Description = "Where to write the archive (a new file, e.g. /var/backups/hearth/hearth-2026-06-01.tar.gz).", Required = true };
        var backup = new Command("backup", "Write a backup archive: the database (SQLite's online backup; safe while Hearth runs) and the key ring, with checksums, owner-only.") { to };
        backup.SetAction((p, ct) => Guarded(error, () => BackupVerbs.BackupAsync(Settings(p), p.GetValue(to)!, output, error, ct)));
        root.Subcommands.Add(backup);

        var archive = new Argument<string>("archive") { Description = "The archive `hearth backup` wrote." };
        var restore = new Command("restore", "Restore a backup archive into an empty data folder; refuses a damaged archive and keys that do not match.") { archive };
        restore.SetAction((p, ct) => Guarded(error, () => BackupVerbs.RestoreAsync(Settings(p), p.GetValue(archive)!, output, error, ct)));
        root.Subcommands.Add(restore);

        var verify = new Command("verify", "Check the installation: the database is intact, migrations are current, the key ring is there and every member's data key unwraps.");
        verify.SetAction((p, ct) => Guarded(error, () => BackupVerbs.VerifyAsync(Settings(p), output, error, ct)));
        root.Subcommands.Add(verify);

        root.Subcommands.Add(UserVerbs.Build(Settings, output, error));
        root.Subcommands.Add(CounsellorVerbs.Build(Settings, output, error));
        root.Subcommands.Add(InsightVerbs.Build(Settings, output, error));
        return root;
    }

    /// <summary>Anything unexpected ends with one sentence on stderr and exit 1, never a stack trace.</summary>
    internal static async Task<int> Guarded(TextWriter error, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await error.WriteLineAsync("hearth: " + ex.Message);
            return Refused;
        }
    }
}
