namespace Hearth.Core.Spaces;

/// <summary>What kind of closeness a space is for. It shapes wording and which content appears.</summary>
public enum RelationshipKind
{
    /// <summary>Romantic partners, married or not.</summary>
    Romantic = 1,

    /// <summary>Two close friends.</summary>
    Friends = 2,

    /// <summary>Two family members: siblings, a parent and an adult child, cousins...</summary>
    Family = 3,
}

public static class RelationshipKinds
{
    public static IReadOnlyList<RelationshipKind> All { get; } =
        [RelationshipKind.Romantic, RelationshipKind.Friends, RelationshipKind.Family];

    /// <summary>Parses the wire name ("romantic", "friends", "family"); case-insensitive.</summary>
    public static bool TryParse(string? value, out RelationshipKind kind)
    {
        kind = default;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "romantic": kind = RelationshipKind.Romantic; return true;
            case "friends": kind = RelationshipKind.Friends; return true;
            case "family": kind = RelationshipKind.Family; return true;
            default: return false;
        }
    }

    public static string WireName(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.Romantic => "romantic",
        RelationshipKind.Friends => "friends",
        RelationshipKind.Family => "family",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>How Hearth names the other person in this kind of space.</summary>
    public static string OtherPersonWord(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.Romantic => "partner",
        RelationshipKind.Friends => "friend",
        RelationshipKind.Family => "family member",
        _ => "other person",
    };

    /// <summary>A short, friendly description used when choosing a kind.</summary>
    public static string Describe(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.Romantic => "Romantic partners",
        RelationshipKind.Friends => "Close friends",
        RelationshipKind.Family => "Family",
        _ => "A shared space",
    };
}
