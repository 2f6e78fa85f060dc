namespace Hearth.Web.Features.TalkThrough;

/// <summary>The words of the weekly talk-through: TalkThroughText.resx (English) and its translations.</summary>
public sealed class TalkThroughText;
