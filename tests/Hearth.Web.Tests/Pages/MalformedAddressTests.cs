using System.Net.Sockets;
using System.Text;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Pages;

/// <summary>
/// An address the web server itself refuses (a <c>%00</c> in the path, a raw control byte, a broken
/// header) never gets a blank browser error: it gets Hearth's own short page, with the same status,
/// our security headers, and nothing of the address echoed back. Real Kestrel over a raw socket,
/// because these requests never reach the app's middleware (a test server would not see them at all).
/// </summary>
public sealed class MalformedAddressTests : IAsyncLifetime
{
    private readonly SqliteHearthFactory app = new();
    private Uri server = null!;

    /// <summary>Requests Kestrel refuses before Hearth's middleware, and the status it answers with.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "a NUL escape in an invitation link", "GET /invite/abc%00def HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "a NUL escape at the root", "GET /%00 HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "a NUL escape in a space address", "GET /spaces/%00/notes HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "a NUL escape in an API address", "GET /api/v1/spaces/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "a raw NUL byte in the path", "GET /learn\0x HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "a header line without a colon", "GET /learn HTTP/1.1\r\nHost: localhost\r\nNot a header\r\n\r\n" },
        { "a NUL escape after a good request on the same connection", "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\nGET /invite/x%00 HTTP/1.1\r\nHost: localhost\r\n\r\n" },
    };

    public async ValueTask InitializeAsync()
    {
        app.UseKestrel(0);
        app.StartServer();
        server = app.ClientOptions.BaseAddress;
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_address_the_server_refuses_gets_Hearths_own_page(string what, string request)
    {
        var answer = await SendAsync(request);
        var last = answer[answer.LastIndexOf("HTTP/1.1 ", StringComparison.Ordinal)..];
        var (head, body) = Split(last);

        var problems = new List<string>();
        if (!head.StartsWith("HTTP/1.1 400 ", StringComparison.Ordinal)) problems.Add("status is not 400");
        if (!head.Contains("Content-Type: text/html; charset=utf-8", StringComparison.OrdinalIgnoreCase)) problems.Add("no HTML content type");
        if (!head.Contains("Content-Security-Policy:", StringComparison.OrdinalIgnoreCase)) problems.Add("no Content-Security-Policy");
        if (!head.Contains("X-Content-Type-Options: nosniff", StringComparison.OrdinalIgnoreCase)) problems.Add("no nosniff");
        if (!body.Contains("This address can't be opened", StringComparison.Ordinal)) problems.Add("not Hearth's page");
        if (!body.Contains("href=\"/\"", StringComparison.Ordinal)) problems.Add("no way back to the start");
        if (body.Contains("invite", StringComparison.OrdinalIgnoreCase) || body.Contains("%00", StringComparison.Ordinal)) problems.Add("the address is echoed");
        var length = Header(head, "Content-Length");
        if (length != Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture)) problems.Add($"Content-Length {length} does not match the body");

        SecurityReport.Record("Malformed addresses get Hearth's own page", "-", 1, problems.Count == 0 ? 0 : 1,
            $"{nameof(MalformedAddressTests)}.{nameof(An_address_the_server_refuses_gets_Hearths_own_page)}", what);
        Assert.True(problems.Count == 0, $"{what}: {string.Join("; ", problems)}\n{last}");
    }

    [Fact]
    public async Task Ordinary_answers_on_a_kept_alive_connection_are_untouched()
    {
        // Three ordinary requests on one connection, one of them an app-made 400 with its own body:
        // the rewriting must leave every one of them exactly as the app sent it.
        var answer = await SendAsync(
            "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n" +
            "GET /learn HTTP/1.1\r\nHost: localhost\r\n\r\n" +
            "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        var starts = answer.Split("HTTP/1.1 ").Skip(1).ToList();
        Assert.Equal(3, starts.Count);
        Assert.All(starts, s => Assert.StartsWith("200 OK", s, StringComparison.Ordinal));
        Assert.DoesNotContain("This address can't be opened", answer, StringComparison.Ordinal);
    }

    private async Task<string> SendAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                var text = Encoding.UTF8.GetString(buffer.ToArray());
                if (IsComplete(text, request))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            // The server kept the connection open: what arrived is the answer.
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Every request on the connection has had its whole answer (by Content-Length or a closing chunk).</summary>
    private static bool IsComplete(string text, string request)
    {
        var expected = request.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
        var answers = text.Split("HTTP/1.1 ").Skip(1).ToList();
        if (answers.Count < expected) return false;
        var last = "HTTP/1.1 " + answers[^1];
        var (head, body) = Split(last);
        if (head.Length == last.Length) return false;
        if (Header(head, "Content-Length") is { } length) return Encoding.UTF8.GetByteCount(body) >= int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
        return body.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }

    private static (string Head, string Body) Split(string response)
    {
        var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? (response, "") : (response[..end], response[(end + 4)..]);
    }

    private static string? Header(string head, string name) =>
        head.Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
}
