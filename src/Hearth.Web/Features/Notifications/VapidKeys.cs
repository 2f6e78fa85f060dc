using System.Buffers.Text;
using System.Security.Cryptography;
using Hearth.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// This Hearth's VAPID keys (docs/adr/0043-installable-app-and-web-push.md): read once, made on first
/// use. Two instances making it at the same moment agree on one: the row's fixed id lets only the
/// first insert win, and the loser reads the winner's key.
/// </summary>
public sealed class VapidKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IDataProtector protector = protection.CreateProtector("Hearth.Push.Vapid.v1");
    private VapidKeyPair? keys;

    public async Task<VapidKeyPair> GetAsync(CancellationToken ct = default)
    {
        if (keys is { } known)
        {
            return known;
        }

        await gate.WaitAsync(ct);
        try
        {
            return keys ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<VapidKeyPair> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        var row = await db.Set<PushServerKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct);
        if (row is null)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
            var publicKey = Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
            var privateKey = Base64Url.EncodeToString(parameters.D!);
            CryptographicOperations.ZeroMemory(parameters.D);
            db.Add(new PushServerKey { Id = 1, PublicKey = publicKey, ProtectedPrivateKey = protector.Protect(privateKey), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
            {
                // Another instance made it first: use theirs.
                db.ChangeTracker.Clear();
            }

            row = await db.Set<PushServerKey>().AsNoTracking().FirstAsync(k => k.Id == 1, ct);
        }

        return new VapidKeyPair(row.PublicKey, protector.Unprotect(row.ProtectedPrivateKey));
    }
}

/// <summary>The key pair, base64url, as Lib.Net.Http.WebPush takes it.</summary>
public sealed record VapidKeyPair(string PublicKey, string PrivateKey)
{
    public override string ToString() => $"VapidKeyPair {{ PublicKey = {PublicKey} }}";
}
