namespace Hearth.Web.Features.Accounts;

/// <summary>TimeZone: the browser's IANA zone when it offers one; anything unknown falls back to UTC (changeable in settings).</summary>
public sealed record RegisterInput(string? Email, string? Password, string? DisplayName, string? TimeZone = null);

public sealed record SignInInput(string? Email, string? Password);

public sealed record ForgotPasswordInput(string? Email);

public sealed record ResetPasswordInput(Guid UserId, string? Token, string? NewPassword);

public sealed record AccountView(Guid Id, string Email, string DisplayName);

public sealed record ConfirmInput(string? Passphrase);

public sealed record AccountSettingsInput(string? TimeZoneId);

public sealed record AccountSettingsView(string TimeZoneId);
