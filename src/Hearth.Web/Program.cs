using Hearth.Web.Data;
using Hearth.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHearth();

var app = builder.Build();
app.UseHearth();
app.MapHearth();

await app.Services.PrepareHearthDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so the test factory can host it.</summary>
public partial class Program;
