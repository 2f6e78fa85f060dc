using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Hearth.Web.Api;

/// <summary>
/// The typed answer of an endpoint that returns an <see cref="Outcome{T}"/>: its success
/// (<typeparamref name="TOk"/>, such as <c>Ok&lt;SpaceDetail&gt;</c> or <c>NoContent</c>) or one of the
/// outcome's problems. The OpenAPI document learns from the type alone: the success with its
/// schema, 400 with field errors, and 404 as ProblemDetails. An endpoint whose service can refuse
/// (409, ...) says so in its type with <see cref="Or{TRefusals}"/>; the refusals that come from
/// where it is mapped (401, 403, 410, 429) are read from its metadata (<see cref="OpenApiContracts"/>).
/// Made by <see cref="ApiResults.From{T, TOk}"/>.
/// </summary>
public sealed class ApiResult<TOk> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
{
    internal ApiResult(IResult result) => Result = result;

    /// <summary>The result that is written: the success, or the ProblemDetails.</summary>
    public IResult Result { get; }

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    /// <summary>The same answer, typed to say that the service can also refuse with <typeparamref name="TRefusals"/>' statuses.</summary>
    public ApiResult<TOk, TRefusals> Or<TRefusals>()
        where TRefusals : IApiRefusals => new(Result);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Populate(method, builder);

    internal static void Populate(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [ApiResults.ProblemContentType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), [ApiResults.ProblemContentType]));
    }
}

/// <summary><see cref="ApiResult{TOk}"/> of an endpoint whose service can also refuse with <typeparamref name="TRefusals"/>' statuses (each a ProblemDetails).</summary>
public sealed class ApiResult<TOk, TRefusals> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
    where TRefusals : IApiRefusals
{
    internal ApiResult(IResult result) => Result = result;

    public IResult Result { get; }

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ApiResult<TOk>.Populate(method, builder);
        foreach (var status in TRefusals.Statuses)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ApiResults.ProblemContentType]));
        }
    }
}

/// <summary>The refusals a service can answer besides "not found" and field errors, named in an endpoint's type.</summary>
public interface IApiRefusals
{
    static abstract IReadOnlyList<int> Statuses { get; }
}

/// <summary>The sets of service refusals endpoints declare (<c>ApiResults.From(...).Or&lt;Refusals.Conflict&gt;()</c>).</summary>
public static class Refusals
{
    /// <summary>409: the request conflicts with the state it meets (already started, already answered, still being saved...).</summary>
    public sealed class Conflict : IApiRefusals
    {
        public static IReadOnlyList<int> Statuses { get; } = [StatusCodes.Status409Conflict];
    }

    /// <summary>409 or 410: an invitation that can't be used, for now or for good.</summary>
    public sealed class ConflictOrGone : IApiRefusals
    {
        public static IReadOnlyList<int> Statuses { get; } = [StatusCodes.Status409Conflict, StatusCodes.Status410Gone];
    }

    /// <summary>429: too many tries at a passphrase or code for this account (the account throttle).</summary>
    public sealed class TooMany : IApiRefusals
    {
        public static IReadOnlyList<int> Statuses { get; } = [StatusCodes.Status429TooManyRequests];
    }

    /// <summary>401 from a sign-in that did not succeed (wrong e-mail, passphrase, code or passkey, or too slow).</summary>
    public sealed class NotSignedIn : IApiRefusals
    {
        public static IReadOnlyList<int> Statuses { get; } = [StatusCodes.Status401Unauthorized];
    }

    /// <summary>409 or 429: the state does not allow it (the space is full, two-step sign-in already on), or a budget is spent (the day's invitation e-mails, tries at a code).</summary>
    public sealed class ConflictOrTooMany : IApiRefusals
    {
        public static IReadOnlyList<int> Statuses { get; } = [StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests];
    }
}
