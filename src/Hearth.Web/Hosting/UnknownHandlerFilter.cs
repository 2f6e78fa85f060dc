using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Hearth.Web.Hosting;

/// <summary>
/// A request with a verb that no handler of the page takes (a PUT or DELETE, a POST to a page that only
/// shows) is refused with 405 and the methods the page does take; one to a page whose handlers for the
/// verb all have names, without a name it has, gets 404. Razor Pages would otherwise render the page
/// as for a GET without running its OnGet: an empty page with 200, or a 500 where the page needs what
/// OnGet loads (UnknownHandlerTests tries every page). GET and HEAD are left alone: a page without
/// OnGet is a page that only shows.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return next();
        }

        var handlers = context.ActionDescriptor.HandlerMethods;
        if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        http.Response.Headers.Allow = string.Join(", ", handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Prepend("HEAD").Prepend("GET").Distinct(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
