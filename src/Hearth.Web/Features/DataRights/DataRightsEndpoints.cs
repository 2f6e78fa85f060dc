using Hearth.Web.Security;
using Hearth.Web.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>The member's data rights: export everything they provided, import it elsewhere, delete the account.</summary>
public static class DataRightsEndpoints
{
    /// <summary>Services for export, import and deletion. Each feature registers its own kinds of data (<c>AddPersonalDataKind</c>).</summary>
    public static IServiceCollection AddDataRights(this IServiceCollection services)
    {
        services.AddScoped<DataExportService>();
        services.AddScoped<DataImportService>();
        services.AddScoped<AccountDeletionService>();
        services.AddScoped<AccountErasure>();

        return services;
    }

    public static RouteGroupBuilder MapDataRightsApi(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Your data").RequireAuthorization();

        account.MapGet("/export", async (DataExportService export, TimeProvider clock, CancellationToken ct) =>
            {
                var bytes = await export.ExportJsonAsync(ct);
                return TypedResults.File(bytes, "application/json", FileName(clock));
            })
            .WithSummary("Everything you gave Hearth, as one JSON document (format hearth-export, version 1), as a download.")
            .RequireConfirmedSession();

        account.MapPost("/import", async (HttpContext http, DataImportService import, CancellationToken ct) =>
            {
                if (!IsJson(http.Request))
                {
                    var text = http.RequestServices.GetRequiredService<IStringLocalizer<DataRightsText>>();
                    return ApiResults.Refuse<Ok<ImportSummary>>(415, text["UnsupportedTypeTitle"], text["UnsupportedType"]).Or<Refusals.Conflict>();
                }

                var body = await ReadLimitedAsync(http, http.Request.Body, DataImportService.MaxBytes, ct);
                return body is null
                    ? ApiResults.Refuse<Ok<ImportSummary>>(413, http.RequestServices.GetRequiredService<IStringLocalizer<DataRightsText>>()["TooLargeTitle"], import.TooLargeDetail).Or<Refusals.Conflict>()
                    : ApiResults.From(await import.ImportAsync(body, ct), summary => TypedResults.Ok(summary)).Or<Refusals.Conflict>();
            })
            .WithMetadata(new RequestSizeLimitAttribute(DataImportService.MaxBytes + 1))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Import an export into this new account (5 MB at most). All or nothing.");

        account.MapDelete("/", async ([FromBody] DeleteAccountInput input, AccountDeletionService deletion, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await deletion.DeleteAsync(input, ct), _ =>
                {
                    http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
                    return TypedResults.NoContent();
                }).Or<Refusals.TooMany>())
            .WithSummary("Delete your account and everything you wrote, at once. Needs your passphrase.");
        return api;
    }

    public static string FileName(TimeProvider clock) =>
        $"hearth-export-{clock.GetUtcNow():yyyy-MM-dd}.json";

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(type, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads at most <paramref name="max"/> bytes; null when there is more. The 5 MB allowance is for this route only.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpContext http, Stream body, int max, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == 413)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
