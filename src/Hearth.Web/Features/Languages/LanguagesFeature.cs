using Hearth.Core.Languages;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hearth.Web.Features.Languages;

/// <summary>
/// Choosing the language (ADR 33): the member's own setting (API and settings page), the switch
/// at the foot of every page (a cookie, and the setting when signed in), and the order in which a
/// request's language is decided (<see cref="RequestLanguage"/>).
/// </summary>
public static class LanguagesFeature
{
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddScoped<LanguageService>();

        // E-mails written outside a request go out in the recipient's own language (Email's hook).
        services.Replace(ServiceDescriptor.Singleton<Email.IRecipientLanguage, MemberRecipientLanguage>());

        // Runs after the platform's AddHearthLanguages: our sources replace the framework's defaults.
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders = RequestLanguage.Providers(o));

        // A language chosen with the switch before signing in becomes the account's, if it has none yet.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signedIn = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                await AdoptDeviceChoiceAsync(context.HttpContext, context.Principal);
            };
        });
        return services;
    }

    public static void MapLanguages(this HearthRoutes routes)
    {
        var language = routes.Api.MapGroup("/account/language").WithTags("Account").RequireAuthorization();
        language.MapGet("/", async (LanguageService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(ct)))
            .WithSummary("Your language: the one you chose (null: your browser's decides) and the languages Hearth speaks.");
        language.MapPut("/", async (LanguageInput input, LanguageService service, CancellationToken ct) =>
                ApiResults.From(await service.SetAsync(input, ct), v => TypedResults.Ok(v)))
            .WithSummary("Choose your language by its code (\"en\", \"de\"); null forgets the choice. Used on every device you sign in on.");
    }

    private static async Task AdoptDeviceChoiceAsync(HttpContext http, System.Security.Claims.ClaimsPrincipal? principal)
    {
        if (LanguageCookie.Read(http.Request) is not { } language
            || !Guid.TryParse(principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return;
        }

        await http.RequestServices.GetRequiredService<HearthDbContext>().Users
            .Where(u => u.Id == userId && u.Language == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, HearthLanguages.Match(language)), http.RequestAborted);
    }
}
