using System.Collections;
using System.Globalization;
using System.Resources;
using Hearth.Core.Languages;
using Hearth.Web.Features.Languages;
using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Api;

/// <summary>
/// Every ProblemDetails the app writes passes here (AddProblemDetails' CustomizeProblemDetails) and
/// leaves in the request's language: a title, detail or field error that is one of the platform's
/// English sentences (Api/ApiText.resx, Security/SecurityText.resx, Features/Shared/SharedText.resx)
/// becomes that key's sentence in the member's language (docs/adr/0034). So the many places that
/// answer a problem from static code (ApiResults, the exception handler, the sign-in redirect, the
/// rate limiter, the start-up gate) keep their English as it is and need no localizer. Sentences made
/// with arguments are localised where they are made, with the same resource files. Answers written
/// before the request localisation middleware ran (the same-origin check, the start-up gate) take the
/// language the request asks for (culture cookie, query or Accept-Language).
/// </summary>
public sealed class ProblemWords(IStringLocalizerFactory factory, IOptions<RequestLocalizationOptions> localization)
{
    private static readonly Type[] Sources = [typeof(ApiText), typeof(SecurityText), typeof(SharedText)];

    /// <summary>Framework titles (no endpoint gave one) in our words.</summary>
    private static readonly Dictionary<string, string> FrameworkTitles = new(StringComparer.Ordinal)
    {
        ["Bad Request"] = "BadRequestTitle",
        ["Not Found"] = "NotFoundTitle",
        ["Method Not Allowed"] = "MethodNotAllowedTitle",
        ["Unsupported Media Type"] = "UnsupportedContentTypeTitle",
        ["An error occurred while processing your request."] = "ServerErrorTitle",
    };

    /// <summary>English sentence → (resource file, key), from the English resources themselves.</summary>
    private static readonly Lazy<Dictionary<string, (Type Source, string Key)>> English = new(ReadEnglish);

    public void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var culture = CultureOf(context.HttpContext);
        if (problem.Title is { } title && FrameworkTitles.TryGetValue(title, out var ours))
        {
            problem.Title = In(culture, typeof(ApiText), ours);
        }
        else
        {
            problem.Title = Translate(problem.Title, culture);
        }

        problem.Detail = Translate(problem.Detail, culture);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var field in validation.Errors.Keys.ToList())
            {
                validation.Errors[field] = validation.Errors[field].Select(m => Translate(m, culture)!).ToArray();
            }
        }
    }

    /// <summary>The sentence in <paramref name="culture"/> when <paramref name="english"/> is one of the platform's; otherwise unchanged.</summary>
    public string? Translate(string? english, CultureInfo culture) =>
        english is not null && English.Value.TryGetValue(english, out var entry) ? In(culture, entry.Source, entry.Key) : english;

    private string In(CultureInfo culture, Type source, string key)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return factory.Create(source)[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The request's language: the localisation middleware's choice, or before it ran, what the request asks for.</summary>
    public CultureInfo CultureOf(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            return feature.RequestCulture.UICulture;
        }

        // Before the localisation middleware: the same sources it reads after sign-in (ADR 33), the
        // language cookie and then Accept-Language, among the supported cultures.
        var options = localization.Value;
        var pseudo = options.SupportedUICultures?.Any(c => string.Equals(c.Name, HearthLanguages.Pseudo, StringComparison.OrdinalIgnoreCase)) == true;
        var asked = LanguageCookie.Read(http.Request, pseudo) ?? RequestLanguage.FromAcceptLanguage(http.Request.Headers.AcceptLanguage, pseudo);
        if (asked is not null && options.SupportedUICultures?.FirstOrDefault(c => string.Equals(c.Name, asked, StringComparison.OrdinalIgnoreCase)) is { } supported)
        {
            return supported;
        }

        return options.DefaultRequestCulture.UICulture;
    }

    private static Dictionary<string, (Type Source, string Key)> ReadEnglish()
    {
        var map = new Dictionary<string, (Type, string)>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            var resources = new ResourceManager(source.FullName!, source.Assembly);
            using var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new InvalidOperationException($"No English resources for {source.Name}.");
            foreach (DictionaryEntry entry in set)
            {
                if (entry.Value is string text)
                {
                    map.TryAdd(text, (source, (string)entry.Key));
                }
            }
        }

        return map;
    }
}
