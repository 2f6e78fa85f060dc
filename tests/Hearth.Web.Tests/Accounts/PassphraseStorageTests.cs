using System.Buffers.Binary;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Tests.Accounts;

/// <summary>
/// Hearth as it is installed hashes passphrases the slow way. The other tests run with one PBKDF2
/// iteration to stay fast (HearthFactory.PasswordHashIterations); this factory keeps the real setting.
/// </summary>
public sealed class ProductionHashingFactory : SqliteHearthFactory
{
    public ProductionHashingFactory() => PasswordHashIterations = null;
}

public sealed class PassphraseStorageTests(ProductionHashingFactory factory) : IClassFixture<ProductionHashingFactory>
{
    /// <summary>OWASP's floor for PBKDF2-HMAC-SHA256 is higher, but this is Identity's own default and what Hearth ships.</summary>
    private const int StrongIterations = 100_000;

    [Fact]
    public async Task A_stored_passphrase_costs_a_thief_the_full_hashing_work_and_still_signs_in()
    {
        var people = new List<Person>();
        for (var i = 0; i < 3; i++)
        {
            people.Add(await Person.RegisterAsync(factory, signIn: i == 0));
        }

        await people[1].SignInAsync();
        var emails = people.Select(p => p.Email).ToList();
        var hashes = await factory.WithDbAsync(db => Task.FromResult(
            db.Users.Where(u => emails.Contains(u.Email!)).Select(u => u.PasswordHash!).ToList()));

        // Identity's v3 format: 0x01, PRF (uint32 big-endian), iteration count (uint32 big-endian), salt length, salt, subkey.
        var weak = hashes
            .Select(Convert.FromBase64String)
            .Count(bytes => bytes[0] != 0x01 || BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)) < StrongIterations);
        var configured = factory.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount;
        SecurityReport.Record("passphrases stored with slow hashing", "sqlite", hashes.Count + 1, weak + (configured < StrongIterations ? 1 : 0),
            "PassphraseStorageTests.A_stored_passphrase_costs_a_thief_the_full_hashing_work_and_still_signs_in",
            "the host's PBKDF2 setting and the stored hash of each new account");

        Assert.Equal(people.Count, hashes.Count);
        Assert.True(configured >= StrongIterations, $"The host hashes passphrases with {configured} iterations.");
        Assert.Equal(0, weak);
    }
}
