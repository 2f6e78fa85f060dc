using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hearth.Web.Api;

/// <summary>
/// The OpenAPI document says what each operation really needs: the sign-in
/// cookie for every operation, except those the endpoint itself allows anonymously, which say
/// <c>security: []</c>. Read from the same endpoint metadata the app authorizes with.
/// </summary>
public static class OpenApiSecurity
{
    public const string CookieScheme = "signInCookie";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "__Host-hearth",
                Description = "The session cookie set by POST /api/v1/account/sign-in (or a passkey sign-in).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            operation.Security = anonymous
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }];
            return Task.CompletedTask;
        });
    }
}
