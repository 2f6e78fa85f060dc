using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

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
        // In the request's language (SharedText.resx): the localizer reads the culture when a message is made.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, localizers) =>
        {
            var text = localizers.Create(typeof(SharedText));
            string FillThisIn() => text["FillThisIn"];
            string Readable() => text["NotReadable"];
            string Number() => text["NotANumber"];
            string For(string field) => text[Key(field)];
            var words = o.ModelBindingMessageProvider;
            words.SetAttemptedValueIsInvalidAccessor((_, field) => For(field));
            words.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Readable());
            words.SetUnknownValueIsInvalidAccessor(For);
            words.SetNonPropertyUnknownValueIsInvalidAccessor(Readable);
            words.SetValueIsInvalidAccessor(_ => Readable());
            words.SetValueMustBeANumberAccessor(_ => Number());
            words.SetNonPropertyValueMustBeANumberAccessor(Number);
            words.SetMissingBindRequiredValueAccessor(_ => FillThisIn());
            words.SetMissingKeyOrValueAccessor(FillThisIn);
            words.SetMissingRequestBodyRequiredValueAccessor(FillThisIn);
            words.SetValueMustNotBeNullAccessor(_ => FillThisIn());
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

    /// <summary>Number fields (minutes, goals, scores) are the ones binding can refuse; say what they take (the SharedText key).</summary>
    private static string Key(string field) => field switch
    {
        _ when field.Contains("Goal", StringComparison.OrdinalIgnoreCase) => "GoalMinutes",
        _ when field.Contains("Minutes", StringComparison.OrdinalIgnoreCase) => "Minutes",
        _ => "NotANumber",
    };
}
