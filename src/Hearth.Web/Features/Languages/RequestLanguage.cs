using Hearth.Core.Languages;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hearth.Web.Features.Languages;

/// <summary>
/// Which language a request gets, in this order (ADR 33): the member's own setting when signed in,
/// then the language cookie the switch sets, then the browser's Accept-Language, then English.
/// Anything unknown or malformed in one source is ignored and the next one decides. There is no
/// ?culture= in addresses: a language is a person's choice, not something a link can change.
/// </summary>
public static class RequestLanguage
{
    /// <summary>At most this many entries of an Accept-Language header are looked at.</summary>
    public const int MaxHeaderEntries = 10;

    /// <summary>A header longer than this is ignored whole (browsers send a few dozen characters).</summary>
    public const int MaxHeaderLength = 1024;

    public static IList<IRequestCultureProvider> Providers(RequestLocalizationOptions options) =>
    [
        new Source(options, async http => await MemberSettingAsync(http)),
        new Source(options, http => Task.FromResult(LanguageCookie.Read(http.Request, PseudoOn(options)))),
        new Source(options, http => Task.FromResult(FromAcceptLanguage(http.Request.Headers.AcceptLanguage, PseudoOn(options)))),
    ];

    /// <summary>
    /// The first shipped language the header accepts, by quality (q=0 means "not this one"), or null.
    /// "*", unknown tags and anything that does not parse are ignored.
    /// </summary>
    public static string? FromAcceptLanguage(StringValues header, bool pseudoAllowed = false)
    {
        var value = header.ToString();
        if (value.Length == 0 || value.Length > MaxHeaderLength
            || !StringWithQualityHeaderValue.TryParseList(header, out var entries))
        {
            return null;
        }

        return entries.Take(MaxHeaderEntries)
            .Select((e, i) => (Tag: e.Value.Value, Quality: e.Quality ?? 1, Order: i))
            .Where(e => e.Quality > 0)
            .OrderByDescending(e => e.Quality)
            .ThenBy(e => e.Order)
            .Select(e => HearthLanguages.Match(e.Tag, pseudoAllowed))
            .FirstOrDefault(l => l is not null);
    }

    private static bool PseudoOn(RequestLocalizationOptions options) =>
        options.SupportedUICultures?.Any(c => string.Equals(c.Name, HearthLanguages.Pseudo, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>The signed-in member's own choice: one read of their account row by its key.</summary>
    private static async Task<string?> MemberSettingAsync(HttpContext http)
    {
        if (http.RequestServices.GetRequiredService<CurrentMember>().UserId is not { } me)
        {
            return null;
        }

        var sessions = http.RequestServices.GetRequiredService<SessionStore>();
        if (sessions.HasMemberLanguage)
        {
            return LanguageService.Exact(sessions.MemberLanguage);
        }

        var stored = await http.RequestServices.GetRequiredService<HearthDbContext>().Users
            .Where(u => u.Id == me).Select(u => u.Language).FirstOrDefaultAsync(http.RequestAborted);
        return LanguageService.Exact(stored);
    }

    /// <summary>One source of a language; null or anything the app does not speak lets the next source decide.</summary>
    private sealed class Source(RequestLocalizationOptions options, Func<HttpContext, Task<string?>> read) : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var language = await read(httpContext);
            if (language is null || options.SupportedUICultures?.Any(c => string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase)) != true)
            {
                return null;
            }

            return new ProviderCultureResult(language);
        }
    }
}
