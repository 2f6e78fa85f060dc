using System.Text.Json;
using Hearth.Core.FreeText;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Accounts;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.AccountSecurity;

/// <summary>When a passkey was last used to sign in (Identity keeps no such date).</summary>
public sealed class PasskeyUse
{
    public byte[] CredentialId { get; set; } = [];

    public Guid UserId { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }
}

internal sealed class PasskeyUseConfiguration : IEntityTypeConfiguration<PasskeyUse>
{
    public void Configure(EntityTypeBuilder<PasskeyUse> b)
    {
        b.ToTable("PasskeyUses");
        b.HasKey(u => u.CredentialId);
        b.Property(u => u.CredentialId).HasMaxLength(1024);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => u.UserId);
    }
}

/// <summary>
/// Passkeys with ASP.NET Core Identity's own WebAuthn support (.NET 10). The ceremony state stays
/// in the framework's encrypted cookie, never in the client's hands. Sign-in asks for no e-mail
/// (discoverable credentials), so the options never reveal whether an account exists.
/// </summary>
public sealed class PasskeyService(
    UserManager<HearthUser> users,
    SignInManager<HearthUser> signIn,
    AccountService accounts,
    HearthDbContext db,
    CurrentMember current,
    TimeProvider clock,
    IStringLocalizer<AccountSecurityText> text)
{
    public const int MaxNameLength = 60;

    public async Task<string> BeginRegistrationAsync()
    {
        var user = await MeAsync();
        return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email!,
            DisplayName = user.DisplayName,
        });
    }

    public async Task<Outcome<PasskeyView>> FinishRegistrationAsync(FinishPasskeyInput input)
    {
        var name = CleanName(input.Name, out var nameError) ?? "Passkey";
        if (nameError is not null)
        {
            return Outcome<PasskeyView>.Invalid("name", nameError);
        }

        var user = await MeAsync();
        PasskeyAttestationResult result;
        try
        {
            result = await signIn.PerformPasskeyAttestationAsync(CredentialText(input.Credential));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException)
        {
            return Outcome<PasskeyView>.Refused(400, text["PasskeyNotAddedTitle"], text["PasskeyNotAdded"]);
        }

        if (!result.Succeeded)
        {
            return Outcome<PasskeyView>.Refused(400, text["PasskeyNotAddedTitle"], text["PasskeyNotAdded"]);
        }

        result.Passkey.Name = name;
        await users.AddOrUpdatePasskeyAsync(user, result.Passkey);
        return Outcome<PasskeyView>.Ok(View(result.Passkey, null));
    }

    public async Task<IReadOnlyList<PasskeyView>> ListAsync()
    {
        var user = await MeAsync();
        var passkeys = await users.GetPasskeysAsync(user);
        var uses = await db.Set<PasskeyUse>().AsNoTracking().Where(u => u.UserId == user.Id).ToListAsync();
        return passkeys
            .OrderBy(p => p.CreatedAt)
            .Select(p => View(p, uses.FirstOrDefault(u => u.CredentialId.AsSpan().SequenceEqual(p.CredentialId))?.LastUsedAt))
            .ToList();
    }

    public async Task<Outcome<PasskeyView>> RenameAsync(string id, PasskeyNameInput input)
    {
        var name = CleanName(input.Name, out var nameError);
        if (nameError is not null || name is null)
        {
            return Outcome<PasskeyView>.Invalid("name", nameError ?? text["PasskeyNameMissing"]);
        }

        var user = await MeAsync();
        var passkey = TryDecode(id) is { } credentialId ? await users.GetPasskeyAsync(user, credentialId) : null;
        if (passkey is null)
        {
            return Outcome<PasskeyView>.NotFound();
        }

        passkey.Name = name;
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        return Outcome<PasskeyView>.Ok(View(passkey, null));
    }

    public async Task<Outcome<Done>> RemoveAsync(string id)
    {
        var user = await MeAsync();
        var credentialId = TryDecode(id);
        if (credentialId is null || await users.GetPasskeyAsync(user, credentialId) is null)
        {
            return Outcome<Done>.NotFound();
        }

        await users.RemovePasskeyAsync(user, credentialId);
        await db.Set<PasskeyUse>().Where(u => u.CredentialId == credentialId).ExecuteDeleteAsync();
        return Outcome<Done>.Ok(default);
    }

    public Task<string> BeginSignInAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    public async Task<Outcome<AccountView>> FinishSignInAsync(FinishPasskeyInput input, string? userAgent, CancellationToken ct = default)
    {
        string failed = text["PasskeyFailed"];
        PasskeyAssertionResult<HearthUser> result;
        try
        {
            result = await signIn.PerformPasskeyAssertionAsync(CredentialText(input.Credential));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException)
        {
            return Outcome<AccountView>.Refused(401, text["NotSignedInTitle"], failed);
        }

        if (!result.Succeeded)
        {
            return Outcome<AccountView>.Refused(401, text["NotSignedInTitle"], failed);
        }

        // Keep the authenticator's signature counter, and note the use.
        await users.AddOrUpdatePasskeyAsync(result.User, result.Passkey);
        var use = await db.Set<PasskeyUse>().FirstOrDefaultAsync(u => u.CredentialId == result.Passkey.CredentialId, ct);
        if (use is null)
        {
            db.Add(new PasskeyUse { CredentialId = result.Passkey.CredentialId, UserId = result.User.Id, LastUsedAt = clock.GetUtcNow() });
        }
        else
        {
            use.LastUsedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return await accounts.CompleteSignInAsync(result.User, userAgent, ct);
    }

    private static string CredentialText(JsonElement credential) => credential.ValueKind switch
    {
        JsonValueKind.String => credential.GetString() ?? "",
        JsonValueKind.Object => credential.GetRawText(),
        _ => throw new ArgumentException("The credential must be the JSON the browser produced."),
    };

    private static PasskeyView View(UserPasskeyInfo p, DateTimeOffset? lastUsed) =>
        new(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt, lastUsed, p.IsBackedUp);

    private static byte[]? TryDecode(string id)
    {
        try
        {
            return id.Length is > 0 and < 1400 ? WebEncoders.Base64UrlDecode(id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string? CleanName(string? raw, out string? error)
    {
        error = null;
        var name = raw?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (TextLength.Check(name, MaxNameLength) != TextFit.Fits || name.Any(char.IsControl))
        {
            error = text["PasskeyNameRule", MaxNameLength];
            return null;
        }

        return name;
    }

    private async Task<HearthUser> MeAsync() =>
        await users.FindByIdAsync(current.RequireUserId().ToString()) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}
