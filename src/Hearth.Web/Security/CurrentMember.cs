using System.Security.Claims;

namespace Hearth.Web.Security;

/// <summary>Who is asking, from the validated sign-in cookie. Scoped to one request.</summary>
public sealed class CurrentMember(IHttpContextAccessor accessor)
{
    public const string SessionClaim = "hearth:sid";

    /// <summary>When the person last proved who they are (sign-in or confirmation), in Unix seconds.</summary>
    public const string SignedInAtClaim = "hearth:auth_at";

    public Guid? UserId
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        }
    }

    public Guid? SessionId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(SessionClaim), out var id) ? id : null;

    public DateTimeOffset? SignedInAt =>
        long.TryParse(accessor.HttpContext?.User.FindFirstValue(SignedInAtClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public Guid RequireUserId() => UserId ?? throw new InvalidOperationException("This needs a signed-in person.");
}
