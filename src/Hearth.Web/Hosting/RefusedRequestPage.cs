using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hearth.Web.Hosting;

/// <summary>
/// Some requests are refused by Kestrel itself before any of Hearth runs: a <c>%00</c> or a raw
/// control byte in the path, a header line without a colon, a request line or headers that are
/// too long. Kestrel answers those with an empty 400 (or 414, 431) and closes the connection, so a
/// browser shows its own blank error. This connection middleware notices exactly that answer on its
/// way out and sends Hearth's own short page in its place, with the same status, our security
/// headers, and nothing of the address echoed back. Everything else passes through untouched
/// (ADR 29).
/// </summary>
public static class RefusedRequestPage
{
    public static void UseHearthRefusedRequestPage(this ListenOptions listen, string quickExitUrl)
    {
        var page = new RefusalPage(quickExitUrl);
        listen.Use(next => async context =>
        {
            var transport = context.Transport;
            context.Transport = new Transport(transport.Input, new RefusalRewriter(transport.Output, page));
            try
            {
                await next(context);
            }
            finally
            {
                context.Transport = transport;
            }
        });
    }

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

/// <summary>Hearth's page for a request the server could not read, as whole HTTP answers.</summary>
internal sealed class RefusalPage
{
    private readonly byte[] body;

    public RefusalPage(string quickExitUrl)
    {
        var exit = WebUtility.HtmlEncode(quickExitUrl);
        body = Encoding.UTF8.GetBytes($$"""
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Hearth</title>
                <meta name="referrer" content="no-referrer">
                <meta name="robots" content="noindex, nofollow">
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
                <header class="site-header">
                    <a class="brand" href="/">Hearth</a>
                    <a class="quick-exit" href="{{exit}}" title="Leave Hearth at once.">Quick exit</a>
                </header>
                <main id="main">
                    <section class="card narrow">
                        <h1>This address can't be opened</h1>
                        <p>Part of it can't be read, so there's no way to tell where it leads.
                        If you followed a link, copy it again in full, or ask for a fresh one.</p>
                        <p><a class="button" href="/">Go to the start page</a></p>
                    </section>
                </main>
            </body>
            </html>
            """);
    }

    /// <summary>The whole answer for a refused request: its status line, our headers, the page.</summary>
    public byte[] Answer(ReadOnlySpan<byte> statusLine, ReadOnlySpan<byte> dateLine)
    {
        var head = new StringBuilder();
        head.Append(Encoding.Latin1.GetString(statusLine)).Append("\r\n");
        head.Append("Content-Type: text/html; charset=utf-8\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("Connection: close\r\n");
        if (!dateLine.IsEmpty)
        {
            head.Append(Encoding.Latin1.GetString(dateLine)).Append("\r\n");
        }

        foreach (var (name, value) in SecurityHeaders.Always)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Cache-Control: no-store\r\n");
        head.Append("\r\n");
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var answer = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(answer, 0);
        body.CopyTo(answer, headBytes.Length);
        return answer;
    }
}

/// <summary>
/// Passes every write straight to the connection, except Kestrel's own empty refusal, which it
/// recognises by its exact shape: a 400, 414 or 431 status line followed only by
/// <c>Content-Length: 0</c>, <c>Connection: close</c> and <c>Date</c>, written in one piece. Answers
/// the app makes never have that shape (they always carry our security headers).
/// </summary>
internal sealed class RefusalRewriter(PipeWriter inner, RefusalPage page) : PipeWriter
{
    private static readonly byte[] Http11 = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[][] RefusedStatuses = ["400 "u8.ToArray(), "414 "u8.ToArray(), "431 "u8.ToArray()];
    private const int LongestRefusal = 256;

    private Memory<byte> handedOut;

    public override Memory<byte> GetMemory(int sizeHint = 0) => handedOut = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => (handedOut = inner.GetMemory(sizeHint)).Span;

    public override void Advance(int bytes)
    {
        var written = bytes > 0 && bytes <= LongestRefusal && bytes <= handedOut.Length ? handedOut.Span[..bytes] : default;
        handedOut = default;
        if (!written.IsEmpty && TryReadRefusal(written, out var statusLine, out var dateLine))
        {
            // Nothing of these bytes was committed yet, so the page simply takes their place.
            var answer = page.Answer(statusLine, dateLine);
            answer.CopyTo(inner.GetSpan(answer.Length));
            inner.Advance(answer.Length);
            return;
        }

        inner.Advance(bytes);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    internal static bool TryReadRefusal(ReadOnlySpan<byte> written, out ReadOnlySpan<byte> statusLine, out ReadOnlySpan<byte> dateLine)
    {
        statusLine = default;
        dateLine = default;
        if (!written.StartsWith(Http11) || !written.EndsWith("\r\n\r\n"u8))
        {
            return false;
        }

        var status = written[Http11.Length..];
        var refusedStatus = false;
        foreach (var s in RefusedStatuses)
        {
            refusedStatus |= status.StartsWith(s);
        }

        if (!refusedStatus)
        {
            return false;
        }

        var lines = written[..^4];
        var end = lines.IndexOf("\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        statusLine = lines[..end];
        var rest = lines[(end + 2)..];
        bool length = false, close = false;
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf("\r\n"u8);
            var line = next < 0 ? rest : rest[..next];
            rest = next < 0 ? default : rest[(next + 2)..];
            if (line.SequenceEqual("Content-Length: 0"u8))
            {
                length = true;
            }
            else if (line.SequenceEqual("Connection: close"u8))
            {
                close = true;
            }
            else if (line.StartsWith("Date: "u8))
            {
                dateLine = line;
            }
            else
            {
                return false;
            }
        }

        return length && close;
    }
}
