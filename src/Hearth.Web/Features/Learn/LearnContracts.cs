namespace Hearth.Web.Features.Learn;

public sealed record LearnCardView(string Id, string Topic, string? Dimension, string Title, string Body, string TryToday);

public sealed record LearnView(IReadOnlyList<LearnCardView> Cards, IReadOnlyList<string> ReflectionQuestions, IReadOnlyList<string> FirstSteps);
