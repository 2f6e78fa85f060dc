using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Spaces;

public class SpaceRulesTests
{
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid Ben = Guid.NewGuid();
    private static readonly Guid Cy = Guid.NewGuid();

    [Fact]
    public void A_space_with_one_member_is_solo_and_two_make_it_paired()
    {
        Assert.Equal(SpaceState.Solo, new SpaceSnapshot(false, [Ana]).State);
        Assert.Equal(SpaceState.Paired, new SpaceSnapshot(false, [Ana, Ben]).State);
        Assert.Equal(SpaceState.Closed, new SpaceSnapshot(true, [Ana, Ben]).State);
    }

    [Fact]
    public void A_second_person_may_join_a_solo_space()
    {
        Assert.Equal(JoinRefusal.None, SpaceRules.CanJoin(new SpaceSnapshot(false, [Ana]), Ben));
    }

    [Fact]
    public void A_third_person_is_refused_because_a_space_holds_two()
    {
        Assert.Equal(JoinRefusal.SpaceFull, SpaceRules.CanJoin(new SpaceSnapshot(false, [Ana, Ben]), Cy));
    }

    [Fact]
    public void A_member_cannot_join_twice()
    {
        Assert.Equal(JoinRefusal.AlreadyMember, SpaceRules.CanJoin(new SpaceSnapshot(false, [Ana]), Ana));
    }

    [Fact]
    public void Nobody_joins_a_closed_space_not_even_into_the_empty_seat()
    {
        Assert.Equal(JoinRefusal.SpaceClosed, SpaceRules.CanJoin(new SpaceSnapshot(true, [Ben]), Cy));
    }

    [Fact]
    public void Members_can_use_an_open_space_and_nobody_can_use_a_closed_one()
    {
        Assert.True(SpaceRules.CanUse(new SpaceSnapshot(false, [Ana, Ben]), Ben));
        Assert.False(SpaceRules.CanUse(new SpaceSnapshot(false, [Ana, Ben]), Cy));
        Assert.False(SpaceRules.CanUse(new SpaceSnapshot(true, [Ben]), Ben));
    }

    [Fact]
    public void Only_a_member_of_an_open_solo_space_can_invite()
    {
        Assert.True(SpaceRules.CanInvite(new SpaceSnapshot(false, [Ana]), Ana));
        Assert.False(SpaceRules.CanInvite(new SpaceSnapshot(false, [Ana, Ben]), Ana));
        Assert.False(SpaceRules.CanInvite(new SpaceSnapshot(false, [Ana]), Cy));
        Assert.False(SpaceRules.CanInvite(new SpaceSnapshot(true, [Ana]), Ana));
    }

    [Fact]
    public void Only_members_can_leave()
    {
        Assert.Equal(LeaveRefusal.None, SpaceRules.CanLeave(new SpaceSnapshot(false, [Ana, Ben]), Ana));
        Assert.Equal(LeaveRefusal.None, SpaceRules.CanLeave(new SpaceSnapshot(true, [Ben]), Ben));
        Assert.Equal(LeaveRefusal.NotMember, SpaceRules.CanLeave(new SpaceSnapshot(false, [Ana, Ben]), Cy));
    }

    [Theory]
    [InlineData("romantic", RelationshipKind.Romantic)]
    [InlineData(" Friends ", RelationshipKind.Friends)]
    [InlineData("FAMILY", RelationshipKind.Family)]
    public void Kinds_parse_from_their_wire_names(string text, RelationshipKind expected)
    {
        Assert.True(RelationshipKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
        Assert.Equal(expected, RelationshipKinds.TryParse(kind.WireName(), out var again) ? again : default);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("spouse")]
    [InlineData("1")]
    public void Unknown_kinds_do_not_parse(string? text) => Assert.False(RelationshipKinds.TryParse(text, out _));
}
