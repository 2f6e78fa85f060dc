namespace Hearth.Web.Data;

/// <summary>Field lengths, one place for the database, the forms and the API.</summary>
public static class Limits
{
    /// <summary>Characters as a person sees them (Hearth.Core.FreeText.TextLength, ADR 22).</summary>
    public const int DisplayName = 60;

    /// <summary>
    /// The display name's column: the longest name the one length rule allows, in code points
    /// (what PostgreSQL's varchar counts): each allowed character at most
    /// <see cref="Hearth.Core.FreeText.TextLength.MaxBytesPerCharacter"/> bytes, so at most as many code points.
    /// </summary>
    public const int DisplayNameColumn = DisplayName * Hearth.Core.FreeText.TextLength.MaxBytesPerCharacter;
    /// <summary>Octets of UTF-8, as mail servers count an address (RFC 5321), not characters: see <see cref="EmailFits"/>.</summary>
    public const int Email = 254;
    public const int SpaceLabel = 60;

    /// <summary>
    /// An e-mail address is a machine's address, not a text a person writes: its limit is the mail
    /// system's, in bytes (ADR 32). At most 254 bytes is also at most 254 code points, so it always
    /// fits Identity's columns (256) and their unique indexes on PostgreSQL.
    /// </summary>
    public static bool EmailFits(string email) => System.Text.Encoding.UTF8.GetByteCount(email) <= Email;

    /// <summary>Room for UTF-8 text (4 bytes a character at worst) plus the cipher envelope.</summary>
    public static int CiphertextFor(int characters) => (characters * 4) + Encryption.FieldCipher.Overhead;
}
