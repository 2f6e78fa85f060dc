namespace Hearth.Web.Features.AccountSecurity;

/// <summary>The words of the signing-in and devices page and its services' messages: AccountSecurityText.resx (English) and its translations.</summary>
public sealed class AccountSecurityText;
