using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.AccountSecurity;
using Hearth.Web.Features.Accounts;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.BigPicture;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Counsellors;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Dashboard;
using Hearth.Web.Features.Debriefs;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Features.Email;
using Hearth.Web.Features.Insights;
using Hearth.Web.Features.Invitations;
using Hearth.Web.Features.Languages;
using Hearth.Web.Features.Learn;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Features.Operations;
using Hearth.Web.Features.Notifications;
using Hearth.Web.Features.Practices;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.QualityTime;
using Hearth.Web.Features.Reminders;
using Hearth.Web.Features.Rituals;
using Hearth.Web.Features.Shared;
using Hearth.Web.Features.Spaces;
using Hearth.Web.Features.TalkThrough;
using Hearth.Web.Languages;
using Hearth.Web.Security;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Hosting;

/// <summary>Everything Program.cs needs, in three calls: AddHearth, UseHearth, MapHearth.</summary>
public static class HearthHosting
{
    public static WebApplicationBuilder AddHearth(this WebApplicationBuilder builder)
    {
        // The platform (Hosting/PlatformServices.cs, Security/SecurityServices.cs), then the features,
        // each registering its own services in Features/<X>/<X>Feature.cs.
        var options = builder.AddHearthPlatform();
        var configuration = builder.Configuration;
        builder.Services
            .AddHearthSecurity(options)
            .AddHearthPages()
            .AddPair()
            .AddShared()
            .AddEmail(configuration)
            .AddAccounts()
            .AddLanguages()
            .AddAccountSecurity()
            .AddSpaces()
            .AddInvitations()
            .AddAssessments(configuration)
            .AddBigPicture()
            .AddDebriefs()
            .AddDaily()
            .AddPrompts()
            .AddDashboard()
            .AddPractices()
            .AddQualityTime()
            .AddNotes()
            .AddMemories()
            .AddRituals()
            .AddCheckIns()
            .AddTalkThrough()
            .AddInsights(configuration)
            .AddReminders()
            .AddNotifications(configuration)
            .AddCounsellors()
            .AddDataRights()
            .AddOperations(options);
        return builder;
    }

    public static WebApplication UseHearth(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HearthOptions>>().Value;
        if (options.BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        app.UseHearthSecurityHeaders();
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(c => ApiPaths.IsApi(c.Request), a => a.UseStatusCodePages());
        app.UseWhen(c => !ApiPaths.IsApi(c.Request), a => a.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages link our CSS and scripts with asp-append-version (?v=content hash): such a URL
            // never changes meaning, so a phone keeps it for a year and revalidates nothing.
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Query.ContainsKey("v"))
                {
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        app.UseRouting();
        app.UsePracticeGate();
        app.UseOperations(options);

        // API writes must come from Hearth itself, not a form on another site (ADR 13).
        app.UseMiddleware<SameOriginApi>();

        // Everything below may read the database; everything above must not.
        app.UseMiddleware<StartupGate>();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // Membership is read from the database on every request (docs/product/privacy-rules.md):
            // usually together with the session (SessionStore), otherwise here.
            var member = context.RequestServices.GetRequiredService<CurrentMember>();
            if (member.UserId is { } userId && !context.RequestServices.GetRequiredService<SpaceScope>().IsLoaded)
            {
                await context.RequestServices.GetRequiredService<SpaceScope>()
                    .LoadAsync(context.RequestServices.GetRequiredService<HearthDbContext>(), userId, context.RequestAborted);
            }

            await next();
        });

        // The request's language (Languages/LanguageServices.cs): after sign-in, so a member's own
        // choice can win over the browser's.
        app.UseHearthLanguages();
        Features.Spaces.ClosedSpaces.UseClosedSpaces(app);
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapHearth(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health").DisableRateLimiting().AllowAnonymous();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();

        // Each feature maps its own endpoints (Features/<X>/<X>Feature.cs) into the groups of
        // HearthRoutes: the app, the API under /api/v1, and the pair's space under it.
        var routes = new HearthRoutes(app);
        routes.MapAccounts();
        routes.MapLanguages();
        routes.MapSpaces();
        routes.MapAssessments();
        routes.MapBigPicture();
        routes.MapDebriefs();
        routes.MapAccountSecurity();
        routes.MapDaily();
        routes.MapPrompts();
        routes.MapPractices();
        routes.MapQualityTime();
        routes.MapNotes();
        routes.MapMemories();
        routes.MapLearn();
        routes.MapRituals();
        routes.MapCheckIns();
        routes.MapTalkThrough();
        routes.MapInsights();
        routes.MapDashboard();
        routes.MapReminders();
        routes.MapNotifications();
        routes.MapDataRights();
        routes.MapOperations();
        routes.MapCounsellors();
        return app;
    }
}
