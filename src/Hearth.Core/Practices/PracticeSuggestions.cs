using Hearth.Core.Spaces;

namespace Hearth.Core.Practices;

/// <summary>
/// The one rule every suggestion of a practice passes through (insights, reconnect plan steps, the
/// practice list, the API), so that it fits the pair's settings (docs/product/assessment-and-insights.md,
/// "Settings every suggestion respects"): a pair who said "we live apart" is never offered a practice
/// that needs them in the same place. An in-person practice with a form for a distance
/// (<see cref="Practice.AtDistance"/>) is offered in that form ("walk and talk" becomes "a walk on a
/// call"); one without is left out rather than offered anyway. A practice that does not suit the kind
/// of space is left out too. Order is kept, and nothing is offered twice.
/// </summary>
public static class PracticeSuggestions
{
    /// <summary>The practice ids to offer, in order, for a pair of this kind who live apart or not.</summary>
    /// <param name="ids">What a rule would suggest, ideal first.</param>
    /// <param name="kind">The kind of space.</param>
    /// <param name="livingApart">The pair's "we live apart" setting.</param>
    /// <param name="catalog">The catalogue (the shipped one when not given). Ids it does not know are kept as they are.</param>
    public static IReadOnlyList<string> ForPair(IEnumerable<string> ids, RelationshipKind kind, bool livingApart, PracticeCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var practices = catalog ?? PracticeCatalog.Default;
        var offered = new List<string>();
        foreach (var id in ids)
        {
            if (Adapt(id, kind, livingApart, practices) is { } chosen && !offered.Contains(chosen, StringComparer.Ordinal))
            {
                offered.Add(chosen);
            }
        }

        return offered;
    }

    /// <summary>The one practice to offer in place of <paramref name="id"/>, or null when there is nothing fitting.</summary>
    public static string? Adapt(string id, RelationshipKind kind, bool livingApart, PracticeCatalog? catalog = null)
    {
        var practices = catalog ?? PracticeCatalog.Default;
        if (!practices.TryGet(id, out var practice))
        {
            return id;
        }

        if (livingApart && !practice.WorksAtDistance)
        {
            return practice.AtDistance is { } adapted && practices.TryGet(adapted, out var atDistance) && atDistance.Suits(kind) && atDistance.WorksAtDistance
                ? atDistance.Id
                : null;
        }

        return practice.Suits(kind) ? practice.Id : null;
    }
}
