using Hearth.Core.Assessments;
using Hearth.Core.Spaces;
using static Hearth.Core.Tests.Assessments.TestAnswers;

namespace Hearth.Core.Tests.Assessments;

public sealed class AnswerValidationTests
{
    [Theory]
    [InlineData("emo.exp.1", 1)]
    [InlineData("emo.exp.1", 7)]
    [InlineData("warning.phones", 5)]
    [InlineData("care.touch", 1)]
    [InlineData("closeness.circles", 7)]
    [InlineData("safety.fear", 0)]
    [InlineData("safety.fear", 1)]
    [InlineData("spi.imp", NotRelevant)]
    [InlineData("spi.exp.3", NotRelevant)]
    [InlineData("emo.imp", Decline)]
    [InlineData("safety.control", Decline)]
    public void Answers_on_the_scale_are_accepted(string id, int value)
    {
        Assert.Empty(AssessmentAnswers.Validate(Content, Romantic((id, value))));
    }

    [Theory]
    [InlineData("emo.exp.1", 8)]
    [InlineData("emo.exp.1", 0)]
    [InlineData("emo.imp", -5)]
    [InlineData("warning.phones", 6)]
    [InlineData("care.words", 7)]
    [InlineData("closeness.circles", 8)]
    [InlineData("safety.hurt", 2)]
    public void Values_outside_the_scale_are_refused(string id, int value)
    {
        var error = Assert.Single(AssessmentAnswers.Validate(Content, Romantic((id, value))));
        Assert.Equal(AnswerProblem.OutOfRange, error.Problem);
        Assert.Equal(id, error.ItemId);
    }

    [Theory]
    [InlineData("emo.exp.1")]
    [InlineData("anchor.1")]
    [InlineData("warning.contempt")]
    [InlineData("care.gifts")]
    [InlineData("safety.threats")]
    public void Not_relevant_is_refused_outside_the_spiritual_items(string id)
    {
        var error = Assert.Single(AssessmentAnswers.Validate(Content, Romantic((id, NotRelevant))));
        Assert.Equal(AnswerProblem.NotRelevantNotOffered, error.Problem);
    }

    [Theory]
    [InlineData("emo.exp.4")]
    [InlineData("EMO.EXP.1")]
    [InlineData("")]
    public void Unknown_item_ids_are_refused(string id)
    {
        var answers = new AssessmentAnswers(RelationshipKind.Romantic, false, new Dictionary<string, Answer> { [id] = Answer.Of(3) });
        var error = Assert.Single(AssessmentAnswers.Validate(Content, answers));
        Assert.Equal(AnswerProblem.UnknownItem, error.Problem);
    }

    [Theory]
    [InlineData(RelationshipKind.Romantic, false, true)]
    [InlineData(RelationshipKind.Romantic, true, false)]
    [InlineData(RelationshipKind.Friends, false, true)]
    [InlineData(RelationshipKind.Friends, true, true)]
    [InlineData(RelationshipKind.Family, true, true)]
    public void Answers_to_items_the_member_was_not_shown_are_refused(RelationshipKind kind, bool optIn, bool refused)
    {
        var errors = AssessmentAnswers.Validate(Content, Build(kind, optIn, ("phy.sex.1", 4), ("phy.sex.2", Decline)));

        if (refused)
        {
            Assert.Equal(2, errors.Count);
            Assert.All(errors, e => Assert.Equal(AnswerProblem.NotShown, e.Problem));
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Every_problem_is_reported_in_a_stable_order()
    {
        var answers = Romantic(("warning.phones", 9), ("emo.exp.1", NotRelevant), ("nope", 1), ("phy.sex.1", 3));

        var errors = AssessmentAnswers.Validate(Content, answers);

        Assert.Equal(
            [("emo.exp.1", AnswerProblem.NotRelevantNotOffered), ("nope", AnswerProblem.UnknownItem), ("phy.sex.1", AnswerProblem.NotShown), ("warning.phones", AnswerProblem.OutOfRange)],
            errors.Select(e => (e.ItemId, e.Problem)));
    }

    [Fact]
    public void A_complete_set_of_answers_validates_for_every_kind()
    {
        foreach (var kind in RelationshipKinds.All)
        {
            foreach (var optIn in new[] { false, true })
            {
                Assert.Empty(AssessmentAnswers.Validate(Content, Every(kind, optIn, i => Answer.Of(i.Scale.Max))));
            }
        }
    }
}
