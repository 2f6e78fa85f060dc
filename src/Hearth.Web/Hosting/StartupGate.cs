using System.Net;
using Hearth.Web.Data;

namespace Hearth.Web.Hosting;

/// <summary>
/// While the database is being prepared (<see cref="DatabasePreparation"/>), answers every request
/// with 503 and Retry-After: 1, before anything that reads the database. A page reloads itself a
/// second later; the API gets ProblemDetails. Once the database is ready this is one boolean check.
/// </summary>
public sealed class StartupGate(RequestDelegate next, DatabasePreparation preparation)
{
    public const string Detail = "Hearth is starting up and getting its database ready. Please try again in a second.";

    private const string OneMoment = "One moment";
    private const string ReloadsByItself = "This page reloads by itself.";

    public Task InvokeAsync(HttpContext context) =>
        preparation.IsReady || IsLiveness(context.Request) ? next(context) : RefuseAsync(context);

    /// <summary>/health/live answers while the database is prepared too: the process is alive (Features/Operations).</summary>
    private static bool IsLiveness(HttpRequest request) => request.Path.Equals("/health/live", StringComparison.Ordinal);

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        if (Api.ApiPaths.IsApi(context.Request) || context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
        {
            await Results.Problem(statusCode: 503, title: "Starting up", detail: Detail).ExecuteAsync(context);
            return;
        }

        // No layout, no Razor: the page must not need anything that is still starting. Its words are
        // the API's (Api/ApiText.resx), in the language the request asks for.
        var words = context.RequestServices.GetRequiredService<Api.ProblemWords>();
        var culture = words.CultureOf(context);
        string Say(string english) => WebUtility.HtmlEncode(words.Translate(english, culture) ?? english);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"" + WebUtility.HtmlEncode(culture.Name) + "\"><head><meta charset=\"utf-8\">" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<meta http-equiv=\"refresh\" content=\"1\"><link rel=\"stylesheet\" href=\"/css/site.css\">" +
            "<title>" + Say(OneMoment) + " · Hearth</title></head>" +
            "<body><main><h1>" + Say(OneMoment) + "</h1><p>" + Say(Detail) + "</p>" +
            "<p>" + Say(ReloadsByItself) + "</p></main></body></html>",
            context.RequestAborted);
    }
}
