using Hearth.Web.Api;
using Hearth.Web.Data.Encryption;

namespace Hearth.Web.Data;

/// <summary>
/// A member's private name for a space (<see cref="Membership.LabelCiphertext"/>): its rule and the
/// context it is encrypted under, in one place for the space pages and for export and import.
/// </summary>
public static class MembershipLabel
{
    public const string Table = "Memberships";
    public const string Column = "Label";

    public static CipherContext Context(Guid membershipId, Guid userId) => new(Table, Column, membershipId, userId);

    public static string? Clean(string? raw, FieldErrors errors, string field = "label")
    {
        var label = raw?.Trim();
        if (string.IsNullOrEmpty(label))
        {
            return null;
        }

        if (Hearth.Core.FreeText.TextLength.Check(label, Limits.SpaceLabel) is var fit && fit != Hearth.Core.FreeText.TextFit.Fits)
        {
            errors.Add(field, fit == Hearth.Core.FreeText.TextFit.TooLong ? $"Please keep the name to {Limits.SpaceLabel} characters or fewer." : Hearth.Core.FreeText.TextLength.TooDenseMessage);
            return null;
        }

        if (label.Any(char.IsControl))
        {
            errors.Add(field, "The name can't contain control characters such as line breaks.");
            return null;
        }

        return label;
    }
}
