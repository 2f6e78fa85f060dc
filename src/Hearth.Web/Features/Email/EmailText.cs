namespace Hearth.Web.Features.Email;

/// <summary>The words of Hearth's e-mails, subjects and bodies: EmailText.resx (English) and its translations.</summary>
public sealed class EmailText;
