namespace Hearth.Web.Security;

/// <summary>
/// A cookie that is always marked Secure (so its __Host- name is valid), without the antiforgery
/// system's refusal to run on plain HTTP. Browsers treat http://localhost as a secure context and
/// accept such cookies there, so `dotnet run` works out of the box; anywhere else Hearth must be
/// served over HTTPS (docs/operations.md), and over plain HTTP the browser drops the cookie, so
/// forms fail closed rather than work insecurely.
/// </summary>
public sealed class AlwaysSecureCookieBuilder : CookieBuilder
{
    public AlwaysSecureCookieBuilder()
    {
        SecurePolicy = CookieSecurePolicy.SameAsRequest;
        HttpOnly = true;
        Path = "/";
        IsEssential = true;
    }

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
