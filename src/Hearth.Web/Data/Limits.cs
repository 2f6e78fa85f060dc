namespace Hearth.Web.Data;

/// <summary>Field lengths, one place for the database, the forms and the API.</summary>
public static class Limits
{
    public const int DisplayName = 60;
    public const int Email = 254;
    public const int SpaceLabel = 60;

    /// <summary>Room for UTF-8 text (4 bytes a character at worst) plus the cipher envelope.</summary>
    public static int CiphertextFor(int characters) => (characters * 4) + Encryption.FieldCipher.Overhead;
}
