using Hearth.Web.Data;
using Hearth.Web.Hosting;

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
catch (HearthConfigurationException e)
{
    // A setting that must change: say which, plainly, and exit without a stack trace.
    await Console.Error.WriteLineAsync("Hearth did not start. " + e.Message);
    return 1;
}

return 0;

/// <summary>Entry point; public so the test factory can host it.</summary>
public partial class Program;
