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
catch (HearthConfigurationException)
{
    // A setting must change; AddressCheck has logged which, in one sentence. No stack trace.
    return 1;
}

return 0;

/// <summary>Entry point; public so the test factory can host it.</summary>
public partial class Program;
