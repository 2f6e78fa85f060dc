using System.Text.RegularExpressions;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Spaces;

/// <summary>What the closed-space notice page shows: the space (to tidy it away) and the words being sent.</summary>
public sealed record ClosedSpaceNotice(Guid SpaceId, IReadOnlyList<string> Words);

/// <summary>
/// One place for every page, form post and API call under a space that has closed while the
/// caller was still in it: pages answer the neutral "this space is closed" notice (410), with any
/// text the person was sending shown back so it can be copied; the API answers a 410
/// ProblemDetails. Nothing says why, when or who (ADR 15). Leaving a closed space (to remove
/// it from the list) still goes through, and the space's own page, API view and dashboard answer
/// as before (200, state "closed", nothing in it). Spaces the caller was never in, or has left, are not
/// touched here and stay the missing-id 404.
/// </summary>
public static partial class ClosedSpaces
{
    public const string ItemKey = "Hearth.ClosedSpace";
    public const string Title = "This space is closed";
    public const string Detail = "This space is no longer active, so nothing in it can be seen or added any more. What you wrote yourself stays yours.";

    /// <summary>The closed-space heading in the request's language (SpacesText ClosedHeading; <see cref="Title"/> in English).</summary>
    public static string TitleFor(HttpContext context) => Text(context)["ClosedHeading"];

    /// <summary>The closed-space sentence in the request's language (SpacesText ClosedDetail; <see cref="Detail"/> in English).</summary>
    public static string DetailFor(HttpContext context) => Text(context)["ClosedDetail"];

    private static Microsoft.Extensions.Localization.IStringLocalizer<SpacesText> Text(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SpacesText>>();

    /// <summary>At most this many pieces of posted text are shown back, each at most this long.</summary>
    private const int MaxWords = 8;
    private const int MaxWordLength = 8000;

    [GeneratedRegex(@"^/(?:api/v1/)?spaces/(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?<rest>/.*)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SpacePath();

    /// <summary>Values forms send for a choice (kinds, visibility, dates, ids, true/false), not words a person wrote.</summary>
    [GeneratedRegex(@"^[a-z0-9]+(?:[-_.:][a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ChoiceValue();

    public static IApplicationBuilder UseClosedSpaces(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (await ClosedSpaceOfAsync(context) is { } spaceId)
        {
            await AnswerAsync(context, spaceId);
            return;
        }

        await next();
    });

    private static async Task<Guid?> ClosedSpaceOfAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null || context.RequestServices.GetRequiredService<CurrentMember>().UserId is not { } me)
        {
            return null;
        }

        var match = SpacePath().Match(path);
        if (!match.Success || !Guid.TryParse(match.Groups["id"].Value, out var spaceId))
        {
            return null;
        }

        // Open spaces of the caller's are the common case, known without another query.
        if (context.RequestServices.GetRequiredService<SpaceScope>().SpaceIds.Contains(spaceId))
        {
            return null;
        }

        if (!AnswersClosed(context.Request.Method, match.Groups["rest"].Value, ApiPaths.IsApi(context.Request)))
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<HearthDbContext>();
        var closed = await db.Memberships.IgnoreQueryFilters()
            .AnyAsync(m => m.SpaceId == spaceId && m.UserId == me && m.LeftAt == null && m.Space!.ClosedAt != null, context.RequestAborted);
        return closed ? spaceId : null;
    }

    /// <summary>
    /// Whether a request under a closed space (<paramref name="rest"/>: the path after the space's id)
    /// gets the closed answer (410). Removing a closed space from one's list is the one thing still
    /// possible in it; and the space itself (its page, and its API view and dashboard) already answers
    /// as closed, with nothing more. The OpenAPI document lists 410 from the same rule (Api/OpenApiContracts).
    /// </summary>
    public static bool AnswersClosed(string method, string rest, bool api)
    {
        rest = rest.TrimEnd('/');
        return !((HttpMethods.IsPost(method) && string.Equals(rest, "/leave", StringComparison.OrdinalIgnoreCase))
                 || (HttpMethods.IsGet(method) && (rest.Length == 0 || (api && string.Equals(rest, "/dashboard", StringComparison.OrdinalIgnoreCase)))));
    }

    private static async Task AnswerAsync(HttpContext context, Guid spaceId)
    {
        context.Response.StatusCode = StatusCodes.Status410Gone;
        if (ApiPaths.IsApi(context.Request))
        {
            await ApiResults.Problem(StatusCodes.Status410Gone, TitleFor(context), DetailFor(context)).ExecuteAsync(context);
            return;
        }

        // The status page (re-executed for 410) renders the notice from this.
        context.Items[ItemKey] = new ClosedSpaceNotice(spaceId, await WordsBeingSentAsync(context.Request));
    }

    /// <summary>What a person typed into the form they were sending: free text only, not tokens or choices.</summary>
    private static async Task<IReadOnlyList<string>> WordsBeingSentAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return [];
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form
                .Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal)
                            && !string.Equals(f.Key, "handler", StringComparison.OrdinalIgnoreCase)
                            && !string.Equals(f.Key, Shared.SubmissionGuard.FormField, StringComparison.Ordinal))
                .SelectMany(f => f.Value)
                .Select(v => v?.Trim() ?? "")
                .Where(v => v.Any(char.IsLetter) && !ChoiceValue().IsMatch(v))
                .Distinct(StringComparer.Ordinal)
                .Take(MaxWords)
                .Select(v => v.Length > MaxWordLength ? v[..MaxWordLength] : v)
                .ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return [];
        }
    }
}
