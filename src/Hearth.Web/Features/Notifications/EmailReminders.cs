using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Hearth.Web.Data;
using Hearth.Web.Features.Email;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// The unsubscribe link of a reminder e-mail (issue 18, item 3; ADR 47): the member and the kind,
/// protected by Data Protection (so sealed by the key ring and unforgeable), readable without signing
/// in. All it can do is turn that one kind's e-mail off for that member; it never expires, as an
/// unsubscribe link in an old e-mail must keep working.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "Hearth.Notifications.Unsubscribe.v1";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    public string Make(Guid userId, string kind) =>
        Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes($"{userId:N}|{kind}")));

    /// <summary>The member and kind, or null for anything that is not a token this Hearth made.</summary>
    public (Guid UserId, string Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(protector.Unprotect(Base64Url.DecodeFromChars(token)));
            return text.Split('|') is [var user, var kind] && Guid.TryParseExact(user, "N", out var id) && NotificationKinds.IsKnown(kind)
                ? (id, kind)
                : null;
        }
        catch (Exception x) when (x is CryptographicException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// Sends one reminder by e-mail through the one mailer: the same discreet words as a push ("Something
/// new in Hearth", nothing of what, from whom or in which space), the page to open, and the unsubscribe
/// link in the body and in the List-Unsubscribe headers (RFC 2369, one click by RFC 8058).
/// </summary>
public sealed class EmailReminders(
    HearthDbContext db, IMailer mailer, Emails emails, UnsubscribeTokens tokens, Links links, LinkGenerator pages, IOptions<EmailOptions> options, ILogger<EmailReminders> log)
{
    /// <summary>Whether members may choose e-mail reminders on this Hearth at all.</summary>
    public bool Available => options.Value.RemindersWork;

    /// <summary>True when the mailer took it.</summary>
    public async Task<bool> SendAsync(Guid userId, string kind, string page, CancellationToken ct = default)
    {
        var to = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(to))
        {
            return false;
        }

        var baseUrl = links.BaseUrl.TrimEnd('/');
        var unsubscribe = baseUrl + pages.GetPathByPage("/Notifications/Unsubscribe", values: new { token = tokens.Make(userId, kind) });
        var email = await emails.ToMemberAsync(userId, to, "ReminderSubject", "ReminderBody", ct, baseUrl + PushDelivery.LocalPage(page), unsubscribe);
        email = email with
        {
            Headers =
            [
                new("List-Unsubscribe", $"<{unsubscribe}>"),
                new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
        };
        try
        {
            await mailer.SendAsync(email, ct);
            return true;
        }
        catch (Exception problem) when (!ct.IsCancellationRequested)
        {
            // Only the kind of failure: never the address.
            log.LogWarning("A reminder e-mail could not be sent ({Problem}); it is not tried again", problem.GetType().Name);
            return false;
        }
    }
}
