namespace Hearth.Web.Features.Accounts;

/// <summary>The words of the account pages and the account service's messages: AccountsText.resx (English) and its translations.</summary>
public sealed class AccountsText;
