using System.Text.Json;
using System.Text.Json.Serialization;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.KeyRing;
using Hearth.Web.Features.Shared;
using Hearth.Web.Languages;

namespace Hearth.Web.Hosting;

/// <summary>
/// What every feature stands on: settings, logs, the database and key ring, background work,
/// errors in our words, JSON, OpenAPI, health, the addresses Hearth trusts, and the pages.
/// </summary>
public static class PlatformServices
{
    /// <summary>Everything but security and the features; answers the Hearth settings the rest needs.</summary>
    public static HearthOptions AddHearthPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Request paths carry invitation and reset tokens, and ASP.NET Core's debug logs and request
        // lines print paths: keep those out of the logs whatever the general level is.
        // Information is the most verbose allowed; a quieter configured level (appsettings.json says
        // Warning) is kept, or every request would write several console lines (docs/performance.md).
        var configuredAspNetCore = Enum.TryParse<LogLevel>(builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"], ignoreCase: true, out var level) ? level : LogLevel.Information;
        builder.Logging.AddFilter("Microsoft.AspNetCore", configuredAspNetCore > LogLevel.Information ? configuredAspNetCore : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        var section = builder.Configuration.GetSection(HearthOptions.Section);
        services.Configure<HearthOptions>(section);
        var options = section.Get<HearthOptions>() ?? new HearthOptions();

        var paths = new HearthPaths(
            options.DataDirectory ?? Path.Combine(builder.Environment.ContentRootPath, "data"),
            options.KeyRing.InDatabase ? null : options.KeyRing.Directory);
        paths.CreateFolders();
        services.AddSingleton(paths);
        // The one place shipped code names the real clock: everything else takes TimeProvider from
        // DI, which tests replace with their TestClock (src/BannedSymbols.txt, ADR 27).
#pragma warning disable RS0030 // TimeProvider.System is banned everywhere else; this registration is what the ban points to.
        services.AddSingleton(TimeProvider.System);
#pragma warning restore RS0030

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024;
            k.ConfigureEndpointDefaults(listen => listen.UseHearthRefusedRequestPage(options.QuickExitUrl));
        });

        services.AddHearthDatabase(options, paths);

        // The database is prepared while the server starts; StartupGate holds requests until then.
        services.AddSingleton<IDatabasePreparer, DatabasePreparer>();
        services.AddSingleton<DatabasePreparation>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabasePreparation>());
        services.AddHearthKeyRing(options.KeyRing, paths);

        // Background work (ADR 5): each slot runs once across every instance sharing the database.
        services.AddScoped<Background.Housekeeping>();
        services.AddHostedService<Background.HousekeepingService>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Answers made by the framework itself (no endpoint matched, wrong content type) get our words too.
            var problem = context.ProblemDetails;
            problem.Detail ??= problem.Status switch
            {
                404 => ApiResults.NotFoundDetail,
                405 => "That address does not accept this method.",
                415 => "Please send the body as JSON with the header Content-Type: application/json.",
                _ => null,
            };

            // In the member's language (Api/ProblemWords.cs).
            context.HttpContext.RequestServices.GetRequiredService<ProblemWords>().Translate(context);
        });
        services.AddSingleton<ProblemWords>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.MaxDepth = 16;
        });
        services.AddOpenApi("v1", o => { OpenApiSecurity.Configure(o); OpenApiContracts.Configure(o); });
        services.AddSingleton<StorageStatus>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StorageHealthCheck>("storage");
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        // Links, AllowedHosts and forwarded headers from configuration only (docs/adr/0008-links-from-configuration.md).
        builder.AddHearthTrustedAddresses(options);

        return options;
    }

    /// <summary>Razor Pages from Features/, with the pages open to everyone named here, in our own words.</summary>
    public static IServiceCollection AddHearthPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Accounts/Register");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignOut");
            o.Conventions.AllowAnonymousToPage("/Accounts/Forgot");
            o.Conventions.AllowAnonymousToPage("/Accounts/Reset");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignInCode");
            o.Conventions.AllowAnonymousToPage("/Learn/Index");
            o.Conventions.AllowAnonymousToFolder("/Home");
            o.Conventions.AllowAnonymousToPage("/Invitations/Join");
            o.Conventions.AllowAnonymousToPage("/Languages/Choose");

            // A verb or handler the page does not have: 405 or 404, never the page rendered without its OnGet.
            o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
        }).AddViewLocalization();
        services.AddHearthLanguages();
        services.AddHearthPageWords();
        return services;
    }
}
