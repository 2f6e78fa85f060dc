using Hearth.Web.Data;
using Hearth.Web.Hosting;

// A start that fails for a reason the operator must fix (a missing key ring) ends with a clear message
// and exit code 78 (EX_CONFIG) instead of a crash dump (134). Only a real process gets here: under test
// the host's start error goes to the test instead.
AppDomain.CurrentDomain.UnhandledException += (_, e) => StartupFailure.Exit(e.ExceptionObject);

// `Hearth.Web backup ...` and the other operator verbs (Features/Operations/Cli); no verb runs the server.
if (Hearth.Web.Features.Operations.Cli.HearthCommand.IsVerb(args))
{
    return await Hearth.Web.Features.Operations.Cli.HearthCommand.RunAsync(args, Console.Out, Console.Error);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHearth();

    var app = builder.Build();

    // The database gets ready alongside the rest of the start; requests wait for it (StartupGate).
    app.Services.GetRequiredService<DatabasePreparation>().Begin();
    app.UseHearth();
    app.MapHearth();
    await app.RunAsync();
}
catch (HearthConfigurationException)
{
    // A setting must change; AddressCheck has logged which, in one sentence. No stack trace.
    return 1;
}

return 0;

/// <summary>How a start that cannot go on ends the process.</summary>
internal static class StartupFailure
{
    public const int Configuration = 78;

    public static void Exit(object error)
    {
        for (var e = error as Exception; e is not null; e = e.InnerException ?? (e as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (e is Hearth.Web.Data.Encryption.KeyRingMissingException missing)
            {
                Console.Error.WriteLine("Hearth could not start. " + missing.Message);
                Console.Error.Flush();
                Environment.Exit(Configuration);
            }
        }
    }
}

/// <summary>Entry point; public so the test factory can host it.</summary>
public partial class Program;
