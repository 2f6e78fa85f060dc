using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Hearth.Web.Features.Shared;

/// <summary>
/// Hearth's own words where the framework would speak on a page ("The value '1.5' is not valid for
/// Minutes"), and the TempData cookie (the one-time note a redirect carries, such as a new
/// invitation link) named and secured like our other cookies.
/// </summary>
public static class PageWords
{
    public const string NotANumber = "Please give a whole number, such as 20.";
    public const string NotReadable = "We couldn't read that. Please check it and try again.";

    public static IServiceCollection AddHearthPageWords(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(o =>
        {
            var words = o.ModelBindingMessageProvider;
            words.SetAttemptedValueIsInvalidAccessor((_, field) => For(field));
            words.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => NotReadable);
            words.SetUnknownValueIsInvalidAccessor(For);
            words.SetNonPropertyUnknownValueIsInvalidAccessor(() => NotReadable);
            words.SetValueIsInvalidAccessor(_ => NotReadable);
            words.SetValueMustBeANumberAccessor(_ => NotANumber);
            words.SetNonPropertyValueMustBeANumberAccessor(() => NotANumber);
            words.SetMissingBindRequiredValueAccessor(_ => "Please fill this in.");
            words.SetMissingKeyOrValueAccessor(() => "Please fill this in.");
            words.SetMissingRequestBodyRequiredValueAccessor(() => "Please fill this in.");
            words.SetValueMustNotBeNullAccessor(_ => "Please fill this in.");
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "__Host-hearth-note";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.Cookie.IsEssential = true;
        });
        return services;
    }

    /// <summary>Number fields (minutes, goals, scores) are the ones binding can refuse; say what they take.</summary>
    private static string For(string field) => field switch
    {
        _ when field.Contains("Goal", StringComparison.OrdinalIgnoreCase) => "Please give a whole number of minutes between 10 and 120.",
        _ when field.Contains("Minutes", StringComparison.OrdinalIgnoreCase) => "Please give the minutes as a whole number, such as 20, up to 1,440 (a whole day).",
        _ => NotANumber,
    };
}
