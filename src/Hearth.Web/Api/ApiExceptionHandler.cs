using System.Text.Json;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hearth.Web.Api;

/// <summary>
/// Turns exceptions on /api into one ProblemDetails shape. Bad requests (unreadable JSON, wrong
/// content type, a body too large) get a 4xx with a plain reason; anything else a generic 500 that
/// reveals nothing. Page requests fall through to the friendly error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // With an error page configured, the request path already points at it: look at the original.
        var originalPath = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        if (!ApiPaths.IsApi(originalPath))
        {
            return false;
        }

        var (status, title, detail) = Describe(exception);
        if (status == 503 && DbErrors.IsStorageFull(exception))
        {
            // Logged at Error where the write failed (DatabaseErrorLogging); readiness reports it too.
            http.RequestServices.GetRequiredService<StorageStatus>().ReportFull();
            http.Response.Headers.RetryAfter = StorageStatus.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Method} {Endpoint}", http.Request.Method, http.GetEndpoint()?.DisplayName ?? "unknown");
        }

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = null,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    internal static (int Status, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: 415 } => (415, "Unsupported content type", "Please send the body as JSON with the header Content-Type: application/json."),
        BadHttpRequestException { StatusCode: 413 } => (413, "Too large", "That request is larger than Hearth accepts."),
        BadHttpRequestException { InnerException: JsonException } => (400, "Unreadable JSON", "The body is not valid JSON, or a field has the wrong type. Check the field names and values and try again."),
        BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 => (bad.StatusCode, "Bad request", BadRequestDetail(bad)),
        _ when DbErrors.IsChangedMeanwhile(exception) => (409, "Changed meanwhile", "This changed or was removed at the same moment, on another device or tab, so nothing was saved. Reload to see it as it is now, and try again if you still want to."),
        _ when DbErrors.IsStorageFull(exception) => (503, "Can't save right now", StorageStatus.CannotSaveDetail),
        KeyRingMissingException => (503, "Unavailable", "Hearth cannot unlock its data right now. The operator has been told."),
        _ => (500, "Something went wrong", "Something went wrong on our side. Nothing you sent was half-saved; please try again."),
    };

    private static string BadRequestDetail(BadHttpRequestException bad) =>
        bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? "The request needs a JSON body."
            : "Part of the request could not be read. Check the address and the values you sent.";
}
