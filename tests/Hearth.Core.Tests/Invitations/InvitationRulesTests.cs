using Hearth.Core.Invitations;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Invitations;

public class InvitationRulesTests
{
    private static readonly Guid Inviter = Guid.NewGuid();
    private static readonly Guid Invitee = Guid.NewGuid();
    private static readonly Guid SpaceId = Guid.NewGuid();
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static InvitationSnapshot Fresh() =>
        new(SpaceId, Inviter, Created, InvitationRules.ExpiryFor(Created), AcceptedAt: null, RevokedAt: null);

    private static SpaceSnapshot Solo() => new(false, [Inviter]);

    [Fact]
    public void A_fresh_link_can_be_accepted_by_someone_else()
    {
        Assert.Equal(InvitationProblem.None, InvitationRules.Check(Fresh(), Solo(), Invitee, 0, Created.AddHours(1)));
    }

    [Fact]
    public void A_link_lasts_seven_days_to_the_second()
    {
        var expiry = Created + TimeSpan.FromDays(7);
        Assert.Equal(expiry, Fresh().ExpiresAt);
        Assert.Equal(InvitationProblem.None, InvitationRules.Check(Fresh(), Solo(), Invitee, 0, expiry.AddTicks(-1)));
        Assert.Equal(InvitationProblem.Expired, InvitationRules.Check(Fresh(), Solo(), Invitee, 0, expiry));
    }

    [Fact]
    public void A_used_link_says_used_even_after_it_would_have_expired()
    {
        var used = Fresh() with { AcceptedAt = Created.AddDays(1) };
        Assert.Equal(InvitationProblem.AlreadyUsed, InvitationRules.Check(used, Solo(), Invitee, 0, Created.AddDays(30)));
    }

    [Fact]
    public void A_withdrawn_link_cannot_be_used()
    {
        var revoked = Fresh() with { RevokedAt = Created.AddMinutes(5) };
        Assert.Equal(InvitationProblem.Revoked, InvitationRules.Check(revoked, Solo(), Invitee, 0, Created.AddHours(1)));
    }

    [Fact]
    public void The_inviter_cannot_accept_their_own_link()
    {
        Assert.Equal(InvitationProblem.OwnInvitation, InvitationRules.Check(Fresh(), Solo(), Inviter, 0, Created.AddHours(1)));
    }

    [Fact]
    public void A_link_into_a_closed_or_full_space_is_refused()
    {
        Assert.Equal(InvitationProblem.SpaceClosed, InvitationRules.Check(Fresh(), new SpaceSnapshot(true, [Inviter]), Invitee, 0, Created.AddHours(1)));
        Assert.Equal(InvitationProblem.SpaceFull, InvitationRules.Check(Fresh(), new SpaceSnapshot(false, [Inviter, Guid.NewGuid()]), Invitee, 0, Created.AddHours(1)));
    }

    [Fact]
    public void Someone_already_in_many_spaces_is_asked_to_leave_one_first()
    {
        Assert.Equal(InvitationProblem.None, InvitationRules.Check(Fresh(), Solo(), Invitee, SpaceRules.MaxOpenSpacesPerPerson - 1, Created.AddHours(1)));
        Assert.Equal(InvitationProblem.TooManySpaces, InvitationRules.Check(Fresh(), Solo(), Invitee, SpaceRules.MaxOpenSpacesPerPerson, Created.AddHours(1)));
    }

    [Fact]
    public void Every_problem_has_its_own_plain_explanation_that_names_nobody()
    {
        var problems = Enum.GetValues<InvitationProblem>();
        var texts = problems.Select(InvitationRules.Explain).ToList();
        Assert.Equal(problems.Length, texts.Distinct().Count());
        Assert.All(texts, t => Assert.EndsWith(".", t, StringComparison.Ordinal));
    }
}
