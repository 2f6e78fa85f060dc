using System.Globalization;
using Hearth.Core.Languages;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Languages;

/// <summary>
/// The pseudo-locale qps-Ploc (docs/adr/0034): on with <c>Hearth:Languages:Pseudo=true</c> (on in
/// Development, off unless set elsewhere), it is then one more supported culture, chosen like any
/// other (the language cookie or Accept-Language; ADR 33). Every resource string is
/// then the pseudo form of the English one and content uses <see cref="ContentTranslation.Pseudo"/>;
/// dates, times and numbers are formatted as in English.
/// </summary>
public static class PseudoLocale
{
    public const string Setting = "Hearth:Languages:Pseudo";

    /// <summary>qps-Ploc with English formats (a culture of its own would format nothing like anyone reads).</summary>
    public static CultureInfo Culture { get; } = Create();

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    internal static IServiceCollection AddHearthPseudoLocale(this IServiceCollection services)
    {
        // The factory is always ours; it changes nothing unless the request's culture is qps-Ploc,
        // which it can only be when the setting added it to the supported cultures below.
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, PseudoStringLocalizerFactory>();
        services.AddOptions<RequestLocalizationOptions>().PostConfigure<IConfiguration>((o, configuration) =>
        {
            if (!IsOn(configuration))
            {
                return;
            }

            o.SupportedCultures = [.. o.SupportedCultures ?? [], Culture];
            o.SupportedUICultures = [.. o.SupportedUICultures ?? [], Culture];
        });
        return services;
    }

    private static CultureInfo Create()
    {
        var english = CultureInfo.GetCultureInfo(HearthLanguages.English);
        var pseudo = new CultureInfo(HearthLanguages.Pseudo, useUserOverride: false)
        {
            DateTimeFormat = (DateTimeFormatInfo)english.DateTimeFormat.Clone(),
            NumberFormat = (NumberFormatInfo)english.NumberFormat.Clone(),
        };
        return CultureInfo.ReadOnly(pseudo);
    }
}
