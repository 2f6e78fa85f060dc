using Hearth.Core.Spaces;

namespace Hearth.Core.Dimensions;

/// <summary>The five kinds of closeness Hearth works with (see docs/product/domain.md, "The model of intimacy").</summary>
public enum Dimension
{
    /// <summary>Sharing feelings, being heard and accepted.</summary>
    Emotional = 1,

    /// <summary>Affectionate touch; for romantic pairs who both opt in, sexual closeness.</summary>
    Physical = 2,

    /// <summary>Ideas, opinions, good conversation, respect for each other's minds.</summary>
    Intellectual = 3,

    /// <summary>Shared values, meaning and purpose, with or without faith or a practice.</summary>
    Spiritual = 4,

    /// <summary>Doing life together: activities, new experiences, traditions, teamwork.</summary>
    Experiential = 5,
}

/// <summary>Names and plain descriptions of the five dimensions, in the order Hearth shows them.</summary>
public static class DimensionCatalog
{
    public static IReadOnlyList<Dimension> All { get; } =
    [
        Dimension.Emotional,
        Dimension.Physical,
        Dimension.Intellectual,
        Dimension.Spiritual,
        Dimension.Experiential,
    ];

    /// <summary>Parses a wire name ("emotional", "physical", ...); case-insensitive.</summary>
    public static bool TryParse(string? value, out Dimension dimension)
    {
        dimension = default;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "emotional": dimension = Dimension.Emotional; return true;
            case "physical": dimension = Dimension.Physical; return true;
            case "intellectual": dimension = Dimension.Intellectual; return true;
            case "spiritual": dimension = Dimension.Spiritual; return true;
            case "experiential": dimension = Dimension.Experiential; return true;
            default: return false;
        }
    }

    /// <summary>The stable name used in URLs, JSON, exports and content files.</summary>
    public static string WireName(this Dimension dimension) => dimension switch
    {
        Dimension.Emotional => "emotional",
        Dimension.Physical => "physical",
        Dimension.Intellectual => "intellectual",
        Dimension.Spiritual => "spiritual",
        Dimension.Experiential => "experiential",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>A short title that can start a sentence, e.g. "Emotional closeness".</summary>
    public static string Title(this Dimension dimension) => dimension switch
    {
        Dimension.Emotional => "Emotional closeness",
        Dimension.Physical => "Physical closeness",
        Dimension.Intellectual => "Closeness of minds",
        Dimension.Spiritual => "Shared meaning",
        Dimension.Experiential => "Doing life together",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>
    /// One plain sentence on what the dimension is made of, as the kind of space reads it. Our own
    /// words. Only romantic partners read about sexual closeness (issue 17, rule 7).
    /// </summary>
    public static string Describe(this Dimension dimension, RelationshipKind kind) => dimension switch
    {
        Dimension.Physical when kind != RelationshipKind.Romantic =>
            "Affectionate touch, like a hug, holding hands or sitting close, as far as it's welcome to you both.",
        Dimension.Emotional =>
            "Sharing what you feel, hope and worry about, and feeling heard and accepted when you do.",
        Dimension.Physical =>
            "Affectionate touch, like a hug, holding hands or sitting close; for romantic partners who both choose it, sexual closeness too.",
        Dimension.Intellectual =>
            "Swapping ideas and opinions, enjoying good conversation, and respecting how each other thinks.",
        Dimension.Spiritual =>
            "Sharing values, meaning and purpose, whether through faith, a practice, a cause, or simply talking.",
        Dimension.Experiential =>
            "Shared activities, new adventures, traditions, inside jokes, and facing hard times as a team.",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
