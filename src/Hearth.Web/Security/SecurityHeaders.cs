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

    public static IApplicationBuilder UseHearthSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
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
