using System.Text.Json;

namespace Hearth.Web.Features.AccountSecurity;

public sealed record PasskeyView(string Id, string Name, DateTimeOffset AddedAt, DateTimeOffset? LastUsedAt, bool Synced);

public sealed record FinishPasskeyInput(JsonElement Credential, string? Name);

public sealed record PasskeyNameInput(string? Name);

public sealed record SessionView(Guid Id, string Device, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, bool IsThisDevice);

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft);

public sealed record TwoFactorSetup(string Key, string AuthenticatorUri);

public sealed record EnableTwoFactorInput(string? Code);

public sealed record DisableTwoFactorInput(string? Passphrase);

public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

