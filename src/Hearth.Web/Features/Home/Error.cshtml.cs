using System.Globalization;
using Hearth.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Home;

/// <summary>The friendly page for an unexpected failure; 503 with Retry-After when the storage is full.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(StorageStatus storage) : PageModel
{
    public bool CannotSave { get; private set; }

    /// <summary>What was being saved changed or went away at the same moment (another tab): nothing was saved (ADR 55).</summary>
    public bool ChangedMeanwhile { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        ChangedMeanwhile = DbErrors.IsChangedMeanwhile(error);
        if (ChangedMeanwhile)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        CannotSave = DbErrors.IsStorageFull(error);
        if (!CannotSave)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        storage.ReportFull();
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = StorageStatus.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }
}
