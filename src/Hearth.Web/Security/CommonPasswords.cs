using Hearth.Core.Accounts;
using Hearth.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Hearth.Web.Security;

/// <summary>
/// The bundled list of common passwords (Security/Passwords/common-passwords.txt, from zxcvbn's MIT
/// frequency list), loaded once. No breached-password service is called: Hearth makes no requests
/// to third parties.
/// </summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> entries;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Hearth.CommonPasswords")
            ?? throw new InvalidOperationException("The bundled common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        entries = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                entries.Add(line.Trim().ToLowerInvariant());
            }
        }
    }

    public int Count => entries.Count;

    public bool Contains(string lowered) => entries.Contains(lowered);
}

/// <summary>Plugs <see cref="PassphrasePolicy"/> into ASP.NET Core Identity.</summary>
public sealed class PassphraseValidator(CommonPasswords common) : IPasswordValidator<HearthUser>
{
    public const string ErrorCode = "Passphrase";

    public async Task<IdentityResult> ValidateAsync(UserManager<HearthUser> manager, HearthUser user, string? password)
    {
        var hasSecondFactor = user.TwoFactorEnabled && await manager.GetTwoFactorEnabledAsync(user);
        var problem = PassphrasePolicy.Check(password, user.Email, hasSecondFactor, common.Contains);
        return problem == PassphraseProblem.None
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = PassphrasePolicy.Explain(problem, hasSecondFactor) });
    }
}
