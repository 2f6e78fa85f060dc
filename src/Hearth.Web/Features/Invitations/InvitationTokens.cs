using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Hearth.Web.Features.Invitations;

/// <summary>What a valid token names: the invitation row, its space and its inviter.</summary>
public readonly record struct InvitationTokenClaims(Guid InvitationId, Guid SpaceId, Guid InviterId);

/// <summary>
/// Signed, encrypted invitation tokens (Data Protection, purpose <see cref="Purpose"/>): the link
/// reveals nothing, cannot be forged or altered, and is bound to one invitation, space and inviter.
/// Expiry and single use are checked against the database row.
/// </summary>
public sealed class InvitationTokens(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "Hearth.Invitation.v1";

    /// <summary>Longest token we even try to read; anything longer is junk.</summary>
    public const int MaxLength = 512;

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    public string Create(InvitationTokenClaims claims)
    {
        var payload = $"{claims.InvitationId:N}.{claims.SpaceId:N}.{claims.InviterId:N}";
        return WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public bool TryRead(string? token, out InvitationTokenClaims claims)
    {
        claims = default;
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxLength)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token.Trim()))).Split('.');
            if (parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var invitation)
                && Guid.TryParseExact(parts[1], "N", out var space) && Guid.TryParseExact(parts[2], "N", out var inviter))
            {
                claims = new InvitationTokenClaims(invitation, space, inviter);
                return true;
            }
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            // Altered, truncated or foreign: treated the same as any other unreadable link.
        }

        return false;
    }
}
