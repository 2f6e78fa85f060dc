using Hearth.Core.Memories;
using NodaTime;

namespace Hearth.Core.Tests.Memories;

public sealed class MemoryTests
{
    private static readonly LocalDate Today = new(2026, 7, 14);

    private static MemoryResult Create(LocalDate? date = null, string? title = "Our first picnic", string? text = "It rained, we stayed anyway.", MemoryKind kind = MemoryKind.First) =>
        MemoryRules.Create(Guid.NewGuid(), date ?? new LocalDate(2019, 7, 14), kind, title, text, Today);

    [Fact]
    public void A_valid_memory_is_trimmed_and_kept()
    {
        var result = Create(title: "  Our first picnic ", text: "  It rained.  ");
        Assert.True(result.IsOk);
        Assert.Equal("Our first picnic", result.Memory!.Title);
        Assert.Equal("It rained.", result.Memory.Text);
        Assert.Equal(MemoryKind.First, result.Memory.Kind);
    }

    [Fact]
    public void The_story_is_optional()
    {
        Assert.True(Create(text: null).IsOk);
        Assert.Equal(string.Empty, Create(text: "   ").Memory!.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public void A_memory_needs_a_title(string? title)
    {
        var error = Assert.Single(Create(title: title).Errors);
        Assert.Equal(MemoryProblem.EmptyTitle, error.Problem);
        Assert.Equal("Give this memory a short title, even just a few words.", error.Message);
    }

    [Fact]
    public void Title_over_120_characters_is_refused()
    {
        Assert.True(Create(title: new string('t', 120)).IsOk);
        var error = Assert.Single(Create(title: new string('t', 121)).Errors);
        Assert.Equal(MemoryProblem.TitleTooLong, error.Problem);
        Assert.Equal("Titles can be up to 120 characters. The story itself can go below.", error.Message);
    }

    [Fact]
    public void Text_over_4000_characters_is_refused()
    {
        Assert.True(Create(text: new string('x', 4000)).IsOk);
        var error = Assert.Single(Create(text: new string('x', 4001)).Errors);
        Assert.Equal(MemoryProblem.TextTooLong, error.Problem);
        Assert.Equal("A memory can hold up to 4,000 characters. You could split it into two memories.", error.Message);
    }

    [Fact]
    public void Dates_more_than_a_day_ahead_are_refused_but_tomorrow_is_fine()
    {
        Assert.True(Create(date: Today.PlusDays(1)).IsOk);
        Assert.True(Create(date: Today).IsOk);
        var error = Assert.Single(Create(date: Today.PlusDays(2)).Errors);
        Assert.Equal(MemoryProblem.DateInFuture, error.Problem);
        Assert.Equal(MemoryProblem.DateInFuture, Create(date: new LocalDate(2090, 1, 1)).Errors.Single().Problem);
    }

    [Theory]
    [InlineData(1, 1, 1, false)]
    [InlineData(1899, 12, 31, false)]
    [InlineData(1900, 1, 1, true)]
    [InlineData(1975, 6, 15, true)]
    public void Dates_before_1900_are_turned_away_with_the_reason(int year, int month, int day, bool accepted)
    {
        var result = Create(date: new LocalDate(year, month, day));
        Assert.Equal(accepted, result.IsOk);
        if (!accepted)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(MemoryProblem.DateTooEarly, error.Problem);
            Assert.Contains("1900", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var result = Create(date: Today.PlusDays(30), title: "", text: new string('x', 5000));
        Assert.False(result.IsOk);
        Assert.Null(result.Memory);
        Assert.Equal(
            [MemoryProblem.EmptyTitle, MemoryProblem.TextTooLong, MemoryProblem.DateInFuture],
            result.Errors.Select(e => e.Problem));
    }

    [Fact]
    public void Unknown_kinds_are_refused()
    {
        Assert.Equal(MemoryProblem.UnknownKind, Create(kind: (MemoryKind)9).Errors.Single().Problem);
    }

    [Fact]
    public void Kinds_have_stable_wire_names_and_labels()
    {
        Assert.Equal(["first", "tradition", "shared-experience", "reflection"], MemoryKinds.All.Select(k => k.WireName()));
        Assert.Equal("What brought us close", MemoryKind.Reflection.Label());
        Assert.True(MemoryKinds.TryParse("shared-experience", out var kind));
        Assert.Equal(MemoryKind.SharedExperience, kind);
    }
}
