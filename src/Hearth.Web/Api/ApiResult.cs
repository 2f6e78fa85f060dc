using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Hearth.Web.Api;

/// <summary>
/// The typed answer of an endpoint that returns an <see cref="Outcome{T}"/>: its success
/// (<typeparamref name="TOk"/>, such as <c>Ok&lt;SpaceDetail&gt;</c> or <c>NoContent</c>) or one of the
/// outcome's problems. The OpenAPI document learns from the type alone: the success with its
/// schema, 400 with field errors, and 404 as ProblemDetails. Refusals an endpoint can give
/// (409, 429, ...) it declares with <c>.ProducesProblem(status)</c>. Made by <see cref="ApiResults.From{T, TOk}"/>.
/// </summary>
public sealed class ApiResult<TOk> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
{
    internal ApiResult(IResult result) => Result = result;

    /// <summary>The result that is written: the success, or the ProblemDetails.</summary>
    public IResult Result { get; }

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [ApiResults.ProblemContentType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), [ApiResults.ProblemContentType]));
    }
}
