using Hearth.Web.Api;
using Hearth.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hearth.Web.Security;

/// <summary>
/// Cross-site request forgery on the JSON API (ADR 13). The session cookie is SameSite=Lax, which
/// a page on a sibling host of the same site still gets sent with a form post; so every request that
/// may change something (any method but GET, HEAD, OPTIONS) must show it came from Hearth itself:
/// the browser's Sec-Fetch-Site, when sent, says same-origin (or none: typed by the person); the
/// Origin, when sent, is this site's own; and it is sent as JSON (Content-Type: application/json,
/// an empty body is fine) or carries the header X-Hearth-Request. A plain HTML form can do none of
/// these, and a script on another origin cannot without the browser asking Hearth first (CORS), which
/// Hearth never allows. Runs before sign-in is read, so a refused request touches nothing.
/// </summary>
public sealed class SameOriginApi(RequestDelegate next, IOptions<HearthOptions> options)
{
    public const string Header = "X-Hearth-Request";
    public const string Title = "Please use Hearth itself";

    private readonly string? publicOrigin = OriginOf(options.Value.PublicUrl);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (ApiPaths.IsApi(request) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && Refusal(request) is { } detail)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await ApiResults.Problem(StatusCodes.Status403Forbidden, Title, detail).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private string? Refusal(HttpRequest request)
    {
        const string elsewhere = "This came from another site, so Hearth left everything as it was. If you meant to do it, please do it in Hearth itself.";
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) && !site.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return elsewhere;
        }

        if (request.Headers.Origin.Count > 0)
        {
            var origin = request.Headers.Origin.ToString();
            var own = $"{request.Scheme}://{request.Host.Value}";
            if (!origin.Equals(own, StringComparison.OrdinalIgnoreCase) && (publicOrigin is null || !origin.Equals(publicOrigin, StringComparison.OrdinalIgnoreCase)))
            {
                return elsewhere;
            }
        }

        var isJson = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
        if (isJson || request.Headers.ContainsKey(Header))
        {
            return null;
        }

        return $"Please send this as JSON, with the header Content-Type: application/json (an empty body is fine), or with the header {Header}: 1.";
    }

    private static string? OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
