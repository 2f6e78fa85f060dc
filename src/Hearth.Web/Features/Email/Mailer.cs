using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Hearth.Web.Features.Email;

/// <summary>
/// One e-mail. Subjects must stay discreet (docs/product/domain.md rule 4): they are seen on lock screens and
/// shared inboxes, so they say nothing about relationships, feelings or answers.
/// </summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody)
{
    /// <summary>More header lines (ASCII names and values), such as List-Unsubscribe on a reminder.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

/// <summary>How Hearth sends e-mail. The only thing that leaves the machine, so the only thing tests replace.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct = default);
}

public sealed class EmailOptions
{
    /// <summary>"outbox" (default: write .eml files to the data folder) or "smtp".</summary>
    public string Delivery { get; set; } = "outbox";

    public string From { get; set; } = "hearth@localhost";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>
    /// Whether members may choose reminders by e-mail: "auto" (default: when e-mail leaves by SMTP, so
    /// it reaches them), "on" (also from the outbox, for development and tests) or "off".
    /// </summary>
    public string Reminders { get; set; } = "auto";

    /// <summary>Whether e-mail reminders can reach anyone on this Hearth (see <see cref="Reminders"/>).</summary>
    public bool RemindersWork =>
        string.Equals(Reminders, "on", StringComparison.OrdinalIgnoreCase)
        || (string.Equals(Reminders, "auto", StringComparison.OrdinalIgnoreCase) && string.Equals(Delivery, "smtp", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Writes each e-mail as an .eml file into the outbox folder. The default on a fresh install and in
/// development: the operator reads (or forwards) them by hand, nothing leaves the machine.
/// </summary>
public sealed class OutboxMailer(Hosting.HearthPaths paths, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxMailer> log) : IMailer
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct = default)
    {
        Data.Encryption.OwnerOnly.Folder(paths.Outbox);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var text = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(email.To).Append("\r\n")
            .Append("Subject: ").Append(HeaderText(email.Subject)).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append(string.Concat(email.Headers.Select(h => $"{h.Key}: {HeaderText(h.Value)}\r\n")))
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append(email.TextBody.Replace("\n", "\r\n", StringComparison.Ordinal))
            .ToString();
        // Owner-only (600): an e-mail in the outbox can hold a reset link.
        await using (var file = new FileStream(Path.Combine(paths.Outbox, name), Data.Encryption.OwnerOnly.NewFile(FileMode.CreateNew)))
        await using (var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            await writer.WriteAsync(text.AsMemory(), ct);
        }

        Hosting.HearthMetrics.NotificationSent("email_outbox");
        log.LogInformation("E-mail written to the outbox as {File}", name);
    }

    /// <summary>A header value as it may stand in a message: ASCII as it is, anything else (an umlaut in a subject) as an RFC 2047 encoded word.</summary>
    internal static string HeaderText(string value) =>
        value.All(c => c is >= ' ' and < (char)127)
            ? value
            : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}

/// <summary>
/// SMTP through MailKit (docs/adr/0024-mailkit.md): STARTTLS when Email:SmtpUseTls (refusing to go on
/// without it), a login only when Email:SmtpUser is set, and the framework client's 100-second timeout.
/// A failure is thrown to the caller, as before.
/// </summary>
public sealed class SmtpMailer(IOptions<EmailOptions> options) : IMailer
{
    /// <summary>As System.Net.Mail.SmtpClient's default, which Hearth used before.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct = default)
    {
        var o = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        foreach (var (name, value) in email.Headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.TextBody };

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set."), o.SmtpPort, o.SmtpUseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        Hosting.HearthMetrics.NotificationSent("email_smtp");
    }
}
