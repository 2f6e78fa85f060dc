using System.Text.Json;
using System.Text.Json.Serialization;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.KeyRing;
using Hearth.Web.Features.Accounts;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.Email;
using Hearth.Web.Features.Invitations;
using Hearth.Web.Features.Shared;
using Hearth.Web.Features.Spaces;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Hosting;

/// <summary>Everything Program.cs needs, in three calls: AddHearth, UseHearth, MapHearth.</summary>
public static class HearthHosting
{
    public static WebApplicationBuilder AddHearth(this WebApplicationBuilder builder)
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
        services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        var options = section.Get<HearthOptions>() ?? new HearthOptions();

        var paths = new HearthPaths(
            options.DataDirectory ?? Path.Combine(builder.Environment.ContentRootPath, "data"),
            options.KeyRing.InDatabase ? null : options.KeyRing.Directory);
        paths.CreateFolders();
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });

        services.AddHearthDatabase(options, paths);

        // The database is prepared while the server starts; StartupGate holds requests until then.
        services.AddSingleton<IDatabasePreparer, DatabasePreparer>();
        services.AddSingleton<DatabasePreparation>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabasePreparation>());
        services.AddHearthKeyRing(options.KeyRing, paths);

        // Background work (issue 7): each slot runs once across every instance sharing the database.
        services.AddScoped<Background.Housekeeping>();
        services.AddHostedService<Background.HousekeepingService>();

        services.AddHttpContextAccessor();
        services.AddScoped<SpaceScope>();
        services.AddScoped<CurrentMember>();
        services.AddScoped<MemberKeyring>();
        services.AddScoped<FieldCipher>();
        services.AddScoped<SessionStore>();
        services.AddScoped<AccountThrottle>();
        services.AddScoped<AttemptCounters>();
        services.AddScoped<ThrottleKeys>();
        services.AddSingleton<DeviceCookies>();
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<InvitationTokens>();
        services.AddScoped<AccountService>();
        services.AddScoped<SpaceService>();
        services.AddScoped<ISpaceDetails>(sp => sp.GetRequiredService<SpaceService>());
        services.AddScoped<InvitationService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<Features.AccountSecurity.SessionService>();
        services.AddScoped<Features.AccountSecurity.TwoFactorService>();
        services.AddScoped<Features.Accounts.ISecondSignInStep>(sp => sp.GetRequiredService<Features.AccountSecurity.TwoFactorService>());
        services.AddScoped<Features.AccountSecurity.PasskeyService>();
        services.Configure<SafetyOptions>(builder.Configuration.GetSection(SafetyOptions.Section));

        // Daily connection (issue 5): prompts, practices, quality time, notes, memories, learn.
        services.AddScoped<PairSpaces>();
        services.AddScoped<Features.Daily.SpaceSettingsService>();
        services.AddScoped<IPriorityDimensions, SharedPriorityDimensions>();
        services.AddScoped<ISexualContentConsent, NoSexualContentConsent>();
        services.AddScoped<Features.Prompts.PromptService>();
        services.AddScoped<Features.Dashboard.DashboardService>();
        services.AddScoped<Features.Practices.PracticeService>();
        services.AddScoped<Features.QualityTime.QualityTimeService>();
        services.AddScoped<Features.Notes.NoteService>();
        services.AddScoped<Features.Memories.MemoryService>();
        services.AddScoped<Features.Shared.SubmissionGuard>();
        services.AddScoped<AccountSettingsService>();

        // Weekly check-in (issue 4): ritual, check-ins, trends, insights, reconnect plans, reminders.
        services.AddScoped<Features.Rituals.RitualService>();
        services.AddScoped<Features.CheckIns.CheckInService>();
        services.AddScoped<Features.Insights.InsightService>();
        services.AddScoped<Features.Reminders.CheckInReminders>();
        services.AddScoped<Features.Reminders.CalendarFeedService>();
        services.Configure<Features.Insights.CounsellingOptions>(builder.Configuration.GetSection(Features.Insights.CounsellingOptions.Section));
        // Data rights (issue 6): export, import, account deletion; one IPersonalDataKind per kind of data.
        Features.DataRights.DataRightsEndpoints.AddDataRights(services);

        services.AddSingleton<IMailer>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery, "smtp", StringComparison.OrdinalIgnoreCase)
                ? ActivatorUtilities.CreateInstance<SmtpMailer>(sp)
                : ActivatorUtilities.CreateInstance<OutboxMailer>(sp));

        AddIdentity(services, options);
        services.AddHearthRateLimits(options.RateLimits);

        // Signed-in by default: every page and endpoint needs a signed-in person unless it says
        // otherwise, so a new page cannot be left open by accident.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
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
        });
        services.AddHearthPageWords();
        services.AddAntiforgery(o =>
        {
            o.Cookie = new AlwaysSecureCookieBuilder { Name = "__Host-hearth-af", SameSite = SameSiteMode.Strict };
            o.FormFieldName = "__af";
        });

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
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.MaxDepth = 16;
        });
        services.AddOpenApi("v1", OpenApiSecurity.Configure);
        services.AddSingleton<StorageStatus>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StorageHealthCheck>("storage");
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        // Links, AllowedHosts and forwarded headers from configuration only (docs/adr/0101).
        builder.AddHearthTrustedAddresses(options);

        return builder;
    }

    private static void AddIdentity(IServiceCollection services, HearthOptions options)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<HearthUser>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.User.RequireUniqueEmail = true;

                // NIST SP 800-63B-4: length, not composition. PassphraseValidator does the real work.
                o.Password.RequiredLength = Core.Accounts.PassphrasePolicy.MinimumLengthWithSecondFactor;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;

                // Throttling is ours (SignInThrottle, answering 429), not Identity's lockout.
                o.Lockout.AllowedForNewUsers = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<HearthDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PassphraseValidator>();

        // The authenticator key encrypted and recovery codes hashed (HearthUserStore, docs/privacy.md).
        services.AddScoped<IUserStore<HearthUser>, Features.AccountSecurity.HearthUserStore>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(1));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);

            // Identity rebuilds the principal after each check; keep the session it belongs to, or
            // the next request has no session and the person is signed out a minute into using Hearth.
            o.OnRefreshingPrincipal = context =>
            {
                // Identity rebuilds the principal from the database; carry our own claims across.
                foreach (var type in new[] { CurrentMember.SessionClaim, CurrentMember.SignedInAtClaim })
                {
                    if (context.CurrentPrincipal?.FindFirst(type) is { } claim
                        && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                        && !identity.HasClaim(c => c.Type == type))
                    {
                        identity.AddClaim(new System.Security.Claims.Claim(type, claim.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "__Host-hearth";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, options.Security.IdleTimeoutMinutes));
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionStore.ValidatePrincipalAsync;
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        foreach (var (scheme, name) in new[]
                 {
                     (IdentityConstants.ExternalScheme, "__Host-hearth-ext"),
                     (IdentityConstants.TwoFactorUserIdScheme, "__Host-hearth-2fa"),
                     (IdentityConstants.TwoFactorRememberMeScheme, "__Host-hearth-2fa-remember"),
                 })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = name;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.HttpOnly = true;
                o.Cookie.Path = "/";
            });
        }
    }

    /// <summary>The API answers 401/403 with ProblemDetails; pages redirect to sign-in.</summary>
    private static async Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            var problem = status == 401
                ? ApiResults.Problem(401, "Not signed in", "Please sign in first.")
                : ApiResults.Problem(403, "Not allowed", "You can't do that.");
            await problem.ExecuteAsync(context.HttpContext);
            return;
        }

        context.Response.Redirect(context.RedirectUri);
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

        // API writes must come from Hearth itself, not a form on another site (ADR 13).
        app.UseMiddleware<SameOriginApi>();

        // Everything below may read the database; everything above must not.
        app.UseMiddleware<StartupGate>();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // Membership is read from the database on every request (docs/product/privacy-rules.md).
            var member = context.RequestServices.GetRequiredService<CurrentMember>();
            if (member.UserId is { } userId)
            {
                await context.RequestServices.GetRequiredService<SpaceScope>()
                    .LoadAsync(context.RequestServices.GetRequiredService<HearthDbContext>(), userId, context.RequestAborted);
            }

            await next();
        });
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

        var api = app.MapGroup(ApiPaths.Prefix);
        api.MapAccountApi();
        api.MapSpaceApi();
        api.MapAssessmentApi();
        Features.AccountSecurity.SecurityEndpoints.MapAccountSecurityApi(api);
        Features.Daily.DailyEndpoints.MapDailyConnectionApi(api);

        // Weekly check-in (issue 4). The calendar feed is anonymous on purpose (found by a secret token).
        var space = api.MapGroup("/spaces/{spaceId:guid}").RequireAuthorization();
        Features.Rituals.RitualEndpoints.MapRitualApi(space);
        Features.CheckIns.CheckInEndpoints.MapCheckInApi(space);
        Features.Insights.InsightEndpoints.MapInsightApi(space);
        Features.Dashboard.DashboardEndpoints.MapDashboardApi(space);
        Features.Reminders.CalendarEndpoints.MapCalendarFeedApi(api);
        Features.Reminders.CalendarEndpoints.MapCalendarFeed(app);
        Features.DataRights.DataRightsEndpoints.MapDataRightsApi(api);
        return app;
    }
}

/// <summary>Health for operators: the database answers.</summary>
public sealed class DatabaseHealthCheck(HearthDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
