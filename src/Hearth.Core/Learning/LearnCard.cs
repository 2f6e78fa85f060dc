using Hearth.Core.Dimensions;

namespace Hearth.Core.Learning;

/// <summary>What a learn card is about.</summary>
public enum LearnTopic
{
    /// <summary>One of the five dimensions.</summary>
    Dimension = 1,

    /// <summary>A common myth about closeness, and what is true instead.</summary>
    Myth = 2,

    /// <summary>Why closeness is worth building.</summary>
    Benefit = 3,

    /// <summary>A modern obstacle: screens, distance, fear of opening up.</summary>
    Obstacle = 4,

    /// <summary>Signs of healthy or fading closeness.</summary>
    Signs = 5,

    /// <summary>How to find the way back when closeness fades.</summary>
    Reconnect = 6,
}

public static class LearnTopics
{
    public static string WireName(this LearnTopic topic) => topic switch
    {
        LearnTopic.Dimension => "dimension",
        LearnTopic.Myth => "myth",
        LearnTopic.Benefit => "benefit",
        LearnTopic.Obstacle => "obstacle",
        LearnTopic.Signs => "signs",
        LearnTopic.Reconnect => "reconnect",
        _ => throw new ArgumentOutOfRangeException(nameof(topic)),
    };

    public static bool TryParse(string? value, out LearnTopic topic)
    {
        foreach (var candidate in Enum.GetValues<LearnTopic>())
        {
            if (string.Equals(candidate.WireName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                topic = candidate;
                return true;
            }
        }

        topic = default;
        return false;
    }
}

/// <summary>A short card in our own words that ends with one thing to try today.</summary>
/// <param name="Id">Stable id, e.g. "learn.myth.can-be-built".</param>
/// <param name="Topic">What the card is about.</param>
/// <param name="Dimension">For dimension cards, which one; otherwise null.</param>
/// <param name="Title">A short heading.</param>
/// <param name="Body">Two or three plain sentences.</param>
/// <param name="TryToday">One small, concrete thing to try today.</param>
/// <param name="PracticeId">A matching practice in the catalogue, if there is one.</param>
public sealed record LearnCard(
    string Id,
    LearnTopic Topic,
    Dimension? Dimension,
    string Title,
    string Body,
    string TryToday,
    string? PracticeId);

/// <summary>One of the three questions every member meets, to think about on their own.</summary>
public sealed record ReflectionQuestion(string Id, string Text);

/// <summary>One of the three small first steps a member can take today.</summary>
public sealed record FirstStep(string Id, string Text, string? PracticeId);
