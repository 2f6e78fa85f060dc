using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Hearth.Web.Api;

/// <summary>Turns service outcomes into one ProblemDetails shape for the whole API.</summary>
public static class ApiResults
{
    public const string NotFoundDetail = "We couldn't find that.";

    public const string ProblemContentType = "application/problem+json";

    /// <summary>The typed answer for an outcome: <paramref name="onOk"/>'s result, or the outcome's ProblemDetails.</summary>
    public static ApiResult<TOk> From<T, TOk>(Outcome<T> outcome, Func<T, TOk> onOk)
        where TOk : IResult, IEndpointMetadataProvider =>
        new(From(outcome, value => (IResult)onOk(value)));

    /// <summary>A refusal before any service ran (a body of the wrong type or size), typed like the endpoint's other answers.</summary>
    public static ApiResult<TOk> Refuse<TOk>(int status, string title, string detail)
        where TOk : IResult, IEndpointMetadataProvider =>
        new(Problem(status, title, detail));

    /// <summary>200 with the value, or the same 404 as for anything missing.</summary>
    public static ApiResult<Ok<T>> OkOrNotFound<T>(T? value)
        where T : class =>
        new(value is null ? NotFound() : TypedResults.Ok(value));

    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> onOk) => outcome.Kind switch
    {
        OutcomeKind.Ok => onOk(outcome.Value!),
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(
            outcome.Errors!,
            detail: "Some of what you sent needs another look.",
            title: "Please check your input"),
        _ => WithRetryAfter(Problem(outcome.Status, outcome.Title ?? "Not possible", outcome.Detail ?? "That cannot be done right now."), outcome.RetryAfter),
    };

    private static IResult WithRetryAfter(IResult inner, TimeSpan? retryAfter) =>
        retryAfter is { } wait ? new RetryAfterResult(inner, wait) : inner;

    private sealed class RetryAfterResult(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>The same 404 for a missing object and for one the caller may not see.</summary>
    public static ProblemHttpResult NotFound() => Problem(404, "Not found", NotFoundDetail);

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
        });
}
