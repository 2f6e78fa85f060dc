using Hearth.Core.Spaces;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Languages;

/// <summary>
/// Wording that differs by kind of space ("your partner", "your friend", "your family member"):
/// the resource key <c>Key.romantic</c>, <c>Key.friends</c> or <c>Key.family</c> when the file has it,
/// otherwise <c>Key</c> itself.
/// </summary>
public static class KindText
{
    public static LocalizedString ForKind(this IStringLocalizer text, string key, RelationshipKind kind, params object[] arguments)
    {
        var specific = text[$"{key}.{kind.WireName()}", arguments];
        return specific.ResourceNotFound ? text[key, arguments] : specific;
    }
}
