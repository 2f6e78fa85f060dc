using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Hearth.Web.Security;

/// <summary>
/// Who is asking and what they may do: the member's session, keys and throttles, Identity and its
/// cookies, rate limits, signed-in by default, and antiforgery for forms.
/// </summary>
public static class SecurityServices
{
    public static IServiceCollection AddHearthSecurity(this IServiceCollection services, HearthOptions options)
    {
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
        AddIdentity(services, options);
        services.AddHearthRateLimits(options.RateLimits);

        // Signed-in by default: every page and endpoint needs a signed-in person unless it says
        // otherwise, so a new page cannot be left open by accident.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.Cookie = new AlwaysSecureCookieBuilder { Name = "__Host-hearth-af", SameSite = SameSiteMode.Strict };
            o.FormFieldName = "__af";
        });
        return services;
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
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, options.Security.IdleTimeoutMinutes));
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionStore.ValidatePrincipalAsync;
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Where the cookie sends a visitor (sign-in, sign-out) is made from the pages' names (ADR 20).
        // Options are read on the first request, when the pages are mapped.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<LinkGenerator>((o, links) =>
            {
                o.LoginPath = PagePath(links, "/Accounts/SignIn");
                o.LogoutPath = PagePath(links, "/Accounts/SignOut");
                o.AccessDeniedPath = o.LoginPath;
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

    private static string PagePath(LinkGenerator links, string page) =>
        links.GetPathByPage(page) ?? throw new InvalidOperationException($"The page {page} is not mapped yet: the cookie options were read before MapHearth.");

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
}
