namespace Hearth.Web.Security;

/// <summary>The words of sign-in, throttles and request checks: SecurityText.resx and its translations.</summary>
public sealed class SecurityText;
