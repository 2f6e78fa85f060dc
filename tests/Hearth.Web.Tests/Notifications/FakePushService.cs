using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// A push service on 127.0.0.1 (real Kestrel, real TLS with a certificate made here), standing in
/// for the browsers' push services, the one thing that would leave the machine. It checks what a
/// real one checks: the VAPID JWT (ES256 signature with the key in the header, aud, exp, sub), and
/// it opens the aes128gcm payload (RFC 8291) with the device's own private key and secret, so a
/// test reads exactly what a phone would show. A device can be told to answer 404 or 410 (gone).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, FakeDevice> devices = new(StringComparer.Ordinal);

    private FakePushService(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request, in order, whether it was accepted or refused.</summary>
    public ConcurrentQueue<PushReceived> Received { get; } = new();

    public static async Task<FakePushService> StartAsync()
    {
        var certificate = MakeCertificate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "FakePushService" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new FakePushService(app, certificate);
        app.MapPost("/push/{id}", (string id, HttpRequest request) => service.ReceiveAsync(id, request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return service;
    }

    /// <summary>A new device: its own P-256 key pair and 16-byte secret, as a browser makes them.</summary>
    public FakeDevice NewDevice()
    {
        var device = new FakeDevice(this, Guid.NewGuid().ToString("N"));
        devices[device.Id] = device;
        return device;
    }

    /// <summary>An HTTP handler that trusts this service's certificate (and no other unknown one).</summary>
    public HttpMessageHandler TrustingHandler()
    {
        var thumbprint = Certificate.GetCertHashString();
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || cert?.GetCertHashString() == thumbprint },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task<IResult> ReceiveAsync(string id, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var received = new PushReceived(id, request.Headers.Authorization.ToString(), request.Headers["TTL"].ToString(), request.Headers["Topic"].ToString(), request.Headers.ContentEncoding.ToString(), body.ToArray());
        Received.Enqueue(received);
        if (!devices.TryGetValue(id, out var device))
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        if (device.WhileReceiving is { } meanwhile)
        {
            await meanwhile();
        }

        if (device.Answer != HttpStatusCode.Created)
        {
            return Results.StatusCode((int)device.Answer);
        }

        // As a real push service: a message without a valid VAPID token is refused (401/403).
        if (VapidProblem(received.Authorization, BaseUrl) is { } problem)
        {
            device.Problems.Enqueue(problem);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        device.Messages.Enqueue(device.Decrypt(received.Body));
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    /// <summary>Why a VAPID authorisation (RFC 8292: "vapid t=JWT, k=public key") would be refused, or null.</summary>
    public static string? VapidProblem(string authorization, string origin)
    {
        if (!authorization.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return "not the vapid scheme: " + authorization.Split(' ')[0];
        }

        var parts = authorization[6..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var jwt) || !parts.TryGetValue("k", out var k))
        {
            return "t or k missing";
        }

        var pieces = jwt.Split('.');
        if (pieces.Length != 3)
        {
            return "the token is not a JWT";
        }

        var key = Base64Url.DecodeFromChars(k);
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key[1..33], Y = key[33..65] } });
        if (!ecdsa.VerifyData(Encoding.ASCII.GetBytes(pieces[0] + "." + pieces[1]), Base64Url.DecodeFromChars(pieces[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return "the signature does not match the key";
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(pieces[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256")
        {
            return "alg is not ES256";
        }

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(pieces[1]));
        var aud = claims.RootElement.GetProperty("aud").GetString();
        var originWithoutPort = new Uri(origin).GetLeftPart(UriPartial.Scheme) + new Uri(origin).Host;
        if (aud != origin && aud != originWithoutPort)
        {
            return $"aud is {aud}, not {origin}";
        }

        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
        if (exp <= DateTimeOffset.UtcNow || exp > DateTimeOffset.UtcNow.AddHours(24))
        {
            return $"exp {exp:O} is not within the next 24 hours";
        }

        var sub = claims.RootElement.GetProperty("sub").GetString() ?? "";
        return sub.StartsWith("mailto:", StringComparison.Ordinal) || sub.StartsWith("https://", StringComparison.Ordinal) ? null : $"sub is {sub}";
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }
}

/// <summary>One request the fake push service got.</summary>
public sealed record PushReceived(string DeviceId, string Authorization, string Ttl, string Topic, string ContentEncoding, byte[] Body);

/// <summary>A device as a browser has it: its subscription's private key and secret, and what reached it.</summary>
public sealed class FakeDevice(FakePushService service, string id)
{
    private readonly ECDiffieHellman key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public string Id { get; } = id;

    public byte[] Auth { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>What the push service answers for this device: 201, or 404 / 410 for a gone one.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.Created;

    /// <summary>Something that happens while the push service holds this device's message, before it answers.</summary>
    public Func<Task>? WhileReceiving { get; set; }

    /// <summary>The decrypted payloads that reached this device, as the service worker would read them.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>Why a message was refused (a bad VAPID token).</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    public string Endpoint => $"{service.BaseUrl}/push/{Id}";

    public byte[] PublicKey
    {
        get
        {
            var q = key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    /// <summary>The subscription as PushSubscription.toJSON() gives it.</summary>
    public object Subscription => new { endpoint = Endpoint, expirationTime = (long?)null, keys = new { p256dh = Base64Url.EncodeToString(PublicKey), auth = Base64Url.EncodeToString(Auth) } };

    /// <summary>Opens an aes128gcm body (RFC 8188 with the keys of RFC 8291): one record, as Web Push sends.</summary>
    public string Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        var serverKey = body[21..(21 + idLength)];
        var records = body[(21 + idLength)..];
        if (records.Length > recordSize)
        {
            throw new InvalidOperationException("more than one record");
        }

        using var server = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] } });
        var shared = key.DeriveRawSecretAgreement(server.PublicKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey, .. serverKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, Auth, keyInfo);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());
        var plain = new byte[records.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, records[..^16], records[^16..], plain);
        }

        // The last record ends with the delimiter 0x02, then any padding zeros.
        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0)
        {
            end--;
        }

        if (end < 0 || plain[end] != 2)
        {
            throw new InvalidOperationException("no last-record delimiter");
        }

        return Encoding.UTF8.GetString(plain, 0, end);
    }
}
