namespace Hearth.Web.Features.Languages;

/// <summary>
/// Your language. <paramref name="Language"/>: the code you chose ("en", "de"), or null when you
/// have not chosen and your browser's language decides. <paramref name="Showing"/>: the language
/// this answer was made in. <paramref name="Choices"/>: every language Hearth speaks, each named in itself.
/// </summary>
public sealed record LanguageView(string? Language, string Showing, IReadOnlyList<LanguageChoiceView> Choices);

/// <summary>A language Hearth speaks: its code and its name in itself ("Deutsch").</summary>
public sealed record LanguageChoiceView(string Code, string Name);

/// <summary>Choose a language by its code ("en", "de"); null forgets the choice, so the browser's language decides again.</summary>
public sealed record LanguageInput(string? Language);
