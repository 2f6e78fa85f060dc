using Hearth.Core.Languages;

namespace Hearth.Web.Features.Languages;

/// <summary>
/// The language a browser chose with the switch before (or without) signing in: only a shipped
/// language's code, secure like Hearth's other cookies (__Host-, Secure, HttpOnly, SameSite=Lax so
/// the first page reached by a link is already in that language).
/// </summary>
public static class LanguageCookie
{
    public const string Name = "__Host-hearth-lang";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The shipped language the cookie names, or null (no cookie, or anything else in it).</summary>
    public static string? Read(HttpRequest request, bool pseudoAllowed = false) =>
        request.Cookies.TryGetValue(Name, out var value) ? HearthLanguages.Match(value, pseudoAllowed) : null;

    public static void Write(HttpResponse response, string language, DateTimeOffset now) =>
        response.Cookies.Append(Name, language, new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Expires = now + Lifetime,
        });
}
