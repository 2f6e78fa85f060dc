using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hearth.Web.Tests.Email;

/// <summary>One message as the fake server received it: the envelope and the raw text after DATA.</summary>
public sealed record ReceivedMail(string? User, string? Password, string MailFrom, IReadOnlyList<string> RcptTo, string Data);

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (nothing leaves the machine) that accepts every message and
/// keeps it: EHLO, AUTH LOGIN/PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT. No TLS: the factory
/// that uses it sets Email:SmtpUseTls to false.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public FakeSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>Every command line the server read, in order (passwords included: it is a test server).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                sessions.Add(SessionAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(sessions);
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 1024, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        string? user = null, password = null, from = null;
        var to = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 localhost fake ESMTP");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                Commands.Enqueue(line);
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var rest = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-AUTH LOGIN PLAIN");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "AUTH":
                        (user, password) = await AuthenticateAsync(rest, reader, writer);
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        from = Address(rest);
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(rest));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Received.Enqueue(new ReceivedMail(user, password, from ?? "", [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 OK: queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static async Task<(string User, string Password)> AuthenticateAsync(string rest, StreamReader reader, StreamWriter writer)
    {
        var parts = rest.Split(' ', 2);
        var initial = parts.Length > 1 ? parts[1] : null;
        if (parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            if (initial is null)
            {
                await writer.WriteLineAsync("334 ");
                initial = await reader.ReadLineAsync();
            }

            var fields = Decode(initial).Split('\0');
            return (fields[1], fields[2]);
        }

        if (initial is null)
        {
            await writer.WriteLineAsync("334 VXNlcm5hbWU6");
            initial = await reader.ReadLineAsync();
        }

        await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
        var secret = await reader.ReadLineAsync();
        return (Decode(initial), Decode(secret));
    }

    private static string Decode(string? base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64 ?? ""));

    /// <summary>The address between the angle brackets of "FROM:&lt;a@b&gt; SIZE=…".</summary>
    private static string Address(string argument)
    {
        var open = argument.IndexOf('<', StringComparison.Ordinal);
        var close = argument.IndexOf('>', open + 1);
        return open >= 0 && close > open ? argument[(open + 1)..close] : argument;
    }
}
