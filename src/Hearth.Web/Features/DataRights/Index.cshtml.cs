using Hearth.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// The form accepts a little more than the 5 MB import limit, so a file somewhat too large gets the
/// clear "larger than Hearth imports" message from the handler instead of a bare refusal by the
/// framework. The rest of Hearth keeps its 1 MB limit.
/// </summary>
[Authorize]
[RequestSizeLimit(PageUploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = PageUploadLimit)]
[Hearth.Web.Security.ConfirmItsYou]
public sealed class IndexModel(DataImportService import, IStringLocalizer<DataRightsText> text) : PageModel
{
    private const int PageUploadLimit = 8 * 1024 * 1024;

    public ImportSummary? Imported { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Problem(text["ChooseFile"], 400);
        }

        if (file.Length > DataImportService.MaxBytes)
        {
            return Problem(import.TooLargeDetail, 413);
        }

        await using var stream = file.OpenReadStream();
        var bytes = await DataRightsEndpoints.ReadLimitedAsync(HttpContext, stream, DataImportService.MaxBytes, ct);
        if (bytes is null)
        {
            return Problem(import.TooLargeDetail, 413);
        }

        var outcome = await import.ImportAsync(bytes, ct);
        if (!outcome.IsOk)
        {
            if (outcome.Errors is { } errors)
            {
                ModelState.AddModelError(string.Empty, text["NeedsAnotherLook"]);
                foreach (var (field, messages) in errors.Take(20))
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(string.Empty, text["FieldProblem", field, message]);
                    }
                }

                Response.StatusCode = 400;
                return Page();
            }

            return Problem(outcome.Detail ?? text["CouldNotImport"], outcome.Status);
        }

        Imported = outcome.Value;
        return Page();
    }

    private PageResult Problem(string message, int status)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = status;
        return Page();
    }
}
