using Hearth.Web.Features.Practices;

namespace Hearth.Web.Features.TalkThrough;

/// <summary>The one small agreement at the end of the talk-through: a practice to try, which lands on "our list".</summary>
public sealed record TalkAgreementInput(string? PracticeId);

/// <summary>One step of the agenda: its words, its suggested minutes, and what the two check-ins point to.</summary>
/// <param name="Id">appreciations, wentWell, workOn, need or agreement.</param>
/// <param name="Points">What the check-ins point to for this step (what went well for both; the one thing); empty when nothing.</param>
public sealed record TalkStepView(string Id, string Title, string Prompt, int Minutes, IReadOnlyList<string> Points);

/// <summary>
/// This week's talk-through. Until both have checked in this week it is always the same: not
/// ready, the ground rules and the steps' words only, nothing from either check-in.
/// </summary>
/// <param name="Ready">Both have checked in this week.</param>
/// <param name="Week">The pair week (its first day).</param>
/// <param name="WorkOn">The one measure to talk about (its wire name), or null.</param>
/// <param name="YourNeed">What you wrote for "more of, less of" this week.</param>
/// <param name="TheirNeed">What the other person wrote, once both checked in.</param>
/// <param name="Suggestions">A few practices for the agreement, suited to your kind of space and setting.</param>
public sealed record TalkThroughView(
    bool Ready,
    string Week,
    string? OtherName,
    string GroundRulesTitle,
    IReadOnlyList<string> GroundRules,
    int TotalMinutes,
    IReadOnlyList<TalkStepView> Steps,
    IReadOnlyList<string> WentWell,
    string? WorkOn,
    string? YourNeed,
    string? TheirNeed,
    IReadOnlyList<PracticeView> Suggestions);
