using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Learning;
using Hearth.Core.Practices;

namespace Hearth.Core.Tests.Learning;

public sealed class LearnLibraryTests
{
    private static readonly LearnLibrary Library = LearnLibrary.Default;

    public static TheoryData<Dimension> Dimensions => new(DimensionCatalog.All);

    [Fact]
    public void Version_is_learn_v1_and_ids_are_unique()
    {
        Assert.Equal("learn.v1", Library.Version);
        var ids = Library.Cards.Select(c => c.Id)
            .Concat(Library.ReflectionQuestions.Select(q => q.Id))
            .Concat(Library.FirstSteps.Select(s => s.Id))
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("learn.", id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Each_dimension_has_a_card(Dimension dimension)
    {
        var card = Library.For(dimension);
        Assert.Equal(LearnTopic.Dimension, card.Topic);
        Assert.Equal(dimension.Title(), card.Title);
    }

    [Theory]
    [InlineData("learn.myth.not-just-romance")]
    [InlineData("learn.myth.every-gender")]
    [InlineData("learn.myth.can-be-built")]
    [InlineData("learn.obstacle.screens")]
    [InlineData("learn.obstacle.distance")]
    [InlineData("learn.obstacle.vulnerability")]
    [InlineData("learn.benefit.wellbeing")]
    [InlineData("learn.reconnect.steps")]
    public void The_myths_obstacles_benefits_and_reconnect_steps_have_cards(string id)
    {
        Assert.Contains(Library.Cards, c => c.Id == id);
    }

    [Fact]
    public void Topics_have_the_expected_number_of_cards()
    {
        Assert.Equal(5, Library.About(LearnTopic.Dimension).Count);
        Assert.Equal(3, Library.About(LearnTopic.Myth).Count);
        Assert.Equal(3, Library.About(LearnTopic.Obstacle).Count);
        Assert.True(Library.About(LearnTopic.Benefit).Count >= 1);
    }

    [Fact]
    public void Every_card_ends_with_one_thing_to_try_today()
    {
        Assert.All(Library.Cards, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Title));
            Assert.Contains(c.Body[^1], ".?!");
            Assert.Contains(c.TryToday[^1], ".?!");
            Assert.InRange(c.TryToday.Length, 15, 160);
        });
    }

    [Fact]
    public void Three_reflection_questions_and_three_first_steps()
    {
        Assert.Equal(3, Library.ReflectionQuestions.Count);
        Assert.All(Library.ReflectionQuestions, q => Assert.EndsWith("?", q.Text, StringComparison.Ordinal));
        Assert.Equal(3, Library.FirstSteps.Count);
        Assert.All(Library.FirstSteps, s => Assert.EndsWith(".", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_linked_practice_exists()
    {
        var linked = Library.Cards.Select(c => c.PracticeId).Concat(Library.FirstSteps.Select(s => s.PracticeId)).OfType<string>().ToList();
        Assert.NotEmpty(linked);
        Assert.All(linked, id => Assert.True(PracticeCatalog.Default.TryGet(id, out _), id));
        Assert.All(Library.FirstSteps, s => Assert.NotNull(s.PracticeId));
    }

    [Fact]
    public void A_file_with_two_reflection_questions_is_refused()
    {
        const string json = """
            { "version": "t", "cards": [], "reflectionQuestions": [ { "id": "a", "text": "One?" }, { "id": "b", "text": "Two?" } ],
              "firstSteps": [ { "id": "c", "text": "x." }, { "id": "d", "text": "y." }, { "id": "e", "text": "z." } ] }
            """;
        Assert.Throws<ContentFileException>(() => LearnLibrary.Parse(json));
    }

    [Fact]
    public void A_dimension_card_without_a_dimension_is_refused()
    {
        const string json = """
            { "version": "t", "cards": [ { "id": "k", "topic": "dimension", "title": "T", "body": "B.", "tryToday": "Try." } ],
              "reflectionQuestions": [ { "id": "a", "text": "One?" }, { "id": "b", "text": "Two?" }, { "id": "f", "text": "Three?" } ],
              "firstSteps": [ { "id": "c", "text": "x." }, { "id": "d", "text": "y." }, { "id": "e", "text": "z." } ] }
            """;
        Assert.Throws<ContentFileException>(() => LearnLibrary.Parse(json));
    }
}
