using Hearth.Core.Assessments;
using Hearth.Core.Spaces;

namespace Hearth.Core.Appreciation;

/// <summary>
/// Small ways to "speak" each way of caring, in our words. Preferences to balance, never a type:
/// everyone values several. Nothing here costs money, assumes living together, or assumes ability.
/// </summary>
public static class CareWaySuggestions
{
    /// <summary>Three to five suggestions for one way of caring, suited to the kind of space.</summary>
    public static IReadOnlyList<string> For(CareWay careWay, RelationshipKind kind) => careWay switch
    {
        CareWay.Words =>
        [
            "Tell them one specific thing they did this week that you valued, and why.",
            "Leave a short note where they will find it, on paper or in Hearth.",
            "Say thank you for something small that usually goes unnoticed.",
            "Say something kind about them to someone else, where they can hear it.",
            "Send a message that begins \"I was just thinking about you because...\".",
        ],
        CareWay.Acts =>
        [
            "Take one small task off their plate today, without being asked.",
            "Ask \"What is one thing that would make your week easier?\" and then do it.",
            "Help with something they have been putting off, side by side.",
            "Send something useful, like a link, a recipe or a reminder they would welcome.",
        ],
        CareWay.Gifts =>
        [
            "Bring back a small thing that made you think of them, like a leaf, a photo or a ticket stub.",
            "Make something by hand: a drawing, a playlist or a note.",
            "Share a photo of something you saw today that reminded you of them.",
            "Offer the gift of a plan: an invitation to do something they enjoy.",
        ],
        CareWay.Time =>
        [
            "Put your phone away and give them 20 minutes of full attention.",
            "Invite them for a walk, a call or a cup of something, just to talk.",
            "Ask about something they care about, and really listen to the answer.",
            "Plan a small outing you would both enjoy, and put it in the calendar.",
        ],
        CareWay.Touch when kind == RelationshipKind.Romantic =>
        [
            "Hold hands on a walk or while you talk.",
            "Make your hug hello or goodbye last a few breaths longer.",
            "Sit close while you watch, read or listen to something.",
            "Offer a short hand or shoulder rub, and ask what feels good.",
            "If you are apart, tell them about the hug you are saving for next time.",
        ],
        CareWay.Touch =>
        [
            "Ask if they would like a hug when you meet, and make it a warm one.",
            "A hand on the shoulder or a high five can say \"I'm with you\".",
            "Sit side by side when you talk, if that feels comfortable for you both.",
            "If you are apart, tell them you are saving a hug for your next visit.",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(careWay)),
    };
}
