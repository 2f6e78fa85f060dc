using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Email;

/// <summary>
/// Which language an e-mail to someone is written in. The one hook for that: during a request it is
/// the request's language (<see cref="CultureInfo.CurrentUICulture"/>, what the reader chose or their
/// browser asks for). A background e-mail (a reminder sent by a timer, with no request) must ask
/// <see cref="ForMemberAsync"/> with the recipient's account: until the member language setting
/// is read (Features/Languages' MemberRecipientLanguage, which replaces this registration), that
/// answers the default language, English.
/// </summary>
public interface IRecipientLanguage
{
    /// <summary>The language of an e-mail written while answering a request (the person asking is the reader, or the best guess of it).</summary>
    CultureInfo ForThisRequest();

    /// <summary>The language of an e-mail to a member written outside any request (background e-mails such as reminders).</summary>
    Task<CultureInfo> ForMemberAsync(Guid userId, CancellationToken ct = default);
}

/// <summary>Until members can choose: the request's language, and English for background e-mails.</summary>
public sealed class RequestRecipientLanguage : IRecipientLanguage
{
    public CultureInfo ForThisRequest() => CultureInfo.CurrentUICulture;

    public Task<CultureInfo> ForMemberAsync(Guid userId, CancellationToken ct = default) =>
        Task.FromResult(CultureInfo.GetCultureInfo(Hearth.Core.Languages.HearthLanguages.English));
}

/// <summary>
/// Writes Hearth's e-mails in the reader's language: the subject stays discreet in every language
/// (it says nothing about relationships, feelings or answers), the body is plain text.
/// </summary>
public sealed class Emails(IStringLocalizer<EmailText> text, IRecipientLanguage language)
{
    /// <summary>The link to choose a new passphrase, in the language of the request that asked for it.</summary>
    public OutgoingEmail PasswordReset(string to, string link) =>
        Write(to, language.ForThisRequest(), "AccountSubject", "PasswordResetBody", link);

    /// <summary>
    /// An invitation to join someone in Hearth. The invitee has no account (so no stored language)
    /// yet: it is written in the language of the inviter's request, the best guess of a shared one.
    /// </summary>
    public OutgoingEmail Invitation(string to, string url) =>
        Write(to, language.ForThisRequest(), "InvitationSubject", "InvitationBody", url);

    /// <summary>
    /// An e-mail to a member written outside any request (a timer, a background job): in the language
    /// stored on the recipient's account, never the language of whoever happens to trigger it.
    /// </summary>
    public async Task<OutgoingEmail> ToMemberAsync(Guid userId, string to, string subjectKey, string bodyKey, CancellationToken ct, params object[] arguments) =>
        Write(to, await language.ForMemberAsync(userId, ct), subjectKey, bodyKey, arguments);

    /// <summary>Any e-mail in a given language (a background e-mail takes it from <see cref="IRecipientLanguage.ForMemberAsync"/>).</summary>
    public OutgoingEmail Write(string to, CultureInfo culture, string subjectKey, string bodyKey, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            // The resource lookup and any formatting follow the reader's culture, then the request's come back.
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return new OutgoingEmail(to, text[subjectKey], text[bodyKey, arguments]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formats;
        }
    }
}
