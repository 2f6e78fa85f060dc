using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>Drives the server-rendered pages like a browser without JavaScript: GET, read the form, POST it.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient http, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        await Expect.StatusAsync(expected, response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Fills the page's form (the one whose action/handler matches, or the first with the field) and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient http, string pageUrl, IDictionary<string, string> fields, string? handler = null, string? action = null)
    {
        var page = await http.GetPageAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => action is not null
                ? f.GetAttribute("action") == action
                : handler is null
                ? f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && !f.Action.EndsWith("/account/sign-out", StringComparison.Ordinal)
                : f.Action.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form on {pageUrl}");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (!string.IsNullOrEmpty(input.Name) && (input.Type != "radio" || input.IsChecked))
            {
                values[input.Name] = input.Value;
            }
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await http.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The message shown beside a field (asp-validation-for), or null.</summary>
    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static string? PageError(this IHtmlDocument page) => page.QuerySelector(".notice-error")?.TextContent.Trim();
}
