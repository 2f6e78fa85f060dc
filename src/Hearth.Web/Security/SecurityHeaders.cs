namespace Hearth.Web.Security;

/// <summary>
/// Headers on every response: a strict Content Security Policy (our own scripts and styles only,
/// never framed), nosniff, no referrer, and no caching of anything but static files.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>The headers every answer carries, pages and API alike (and the refused-request page).</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> Always =
    [
        ("Content-Security-Policy", ContentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    public static IApplicationBuilder UseHearthSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                foreach (var (name, value) in Always)
                {
                    headers[name] = value;
                }

                if (!IsStaticAsset(context.Request.Path))
                {
                    // Private pages must not linger in caches or the back-forward cache.
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next();
        });

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css", StringComparison.Ordinal)
        || path.StartsWithSegments("/js", StringComparison.Ordinal)
        || path.StartsWithSegments("/img", StringComparison.Ordinal)
        || path.Equals("/favicon.svg", StringComparison.Ordinal);
}
