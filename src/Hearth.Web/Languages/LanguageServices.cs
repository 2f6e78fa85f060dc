using System.Globalization;
using Hearth.Core.Languages;
using Microsoft.AspNetCore.Localization;

namespace Hearth.Web.Languages;

/// <summary>
/// Localisation for every page, API answer and e-mail: ASP.NET Core's IStringLocalizer over one
/// resource file per feature (Features/&lt;X&gt;/&lt;X&gt;Text.resx, with &lt;X&gt;Text.de.resx beside it),
/// and the request's culture chosen by the request localisation middleware.
/// </summary>
public static class LanguageServices
{
    public static IServiceCollection AddHearthLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = HearthLanguages.Shipped.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(HearthLanguages.English);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });

        // The pseudo-locale, when configured (PseudoLocale.cs).
        services.AddHearthPseudoLocale();
        return services;
    }

    public static IApplicationBuilder UseHearthLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();
}
