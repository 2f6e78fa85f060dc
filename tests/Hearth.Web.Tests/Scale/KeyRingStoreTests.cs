using System.Net.Http.Json;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.KeyRing;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Scale;

/// <summary>
/// The key ring in the database (opt-in, for several instances): never without its own secret,
/// stored only sealed with that secret, and a wrong secret fails closed like a missing keys folder.
/// </summary>
[Slow("starts a new host for each case, several on one key ring")]
public sealed class KeyRingStoreTests
{
    private const string Secret = "the secret that is never in the database itself";

    [Fact]
    public async Task A_key_ring_in_the_database_without_a_secret_refuses_to_start()
    {
        await using var factory = new KeyRingFactory(store: "database", secret: null);
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        var message = (error as InvalidOperationException ?? error.InnerException as InvalidOperationException)?.Message ?? error.ToString();
        Assert.Contains("Hearth:KeyRing:ProtectionSecret is empty", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_secret_is_refused()
    {
        await using var factory = new KeyRingFactory(store: "database", secret: "too short");
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("at least 32 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_holds_only_sealed_keys_and_needs_the_right_secret_to_start()
    {
        await using var first = new KeyRingFactory(store: "database", secret: Secret);
        var person = await Person.RegisterAsync(first);
        var spaceId = await person.CreateSpaceAsync(label: "sealed label");

        var stored = await first.WithDbAsync(db => db.Set<KeyRingEntry>().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Empty(Directory.GetFiles(Path.Combine(first.DataDirectory, "keys")));

        // The same database with another secret: it fails closed with the key ring message.
        await using (var wrong = new KeyRingFactory(store: "database", secret: Secret + " but not quite") { DataDirectory = first.DataDirectory, KeepDataDirectory = true })
        {
            var error = Assert.ThrowsAny<Exception>(() => wrong.Services);
            var keyError = error as KeyRingMissingException ?? error.InnerException as KeyRingMissingException;
            Assert.NotNull(keyError);
            Assert.Contains("ProtectionSecret", keyError.Message, StringComparison.Ordinal);
        }

        // And with the right one, a second instance reads what the first encrypted.
        await using var second = new KeyRingFactory(store: "database", secret: Secret) { DataDirectory = first.DataDirectory, KeepDataDirectory = true };
        var http = second.NewClient();
        await Expect.StatusAsync(System.Net.HttpStatusCode.OK, await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = person.Password }));
        var space = await (await http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative))).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("sealed label", space.GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_secret_also_seals_the_keys_in_a_key_ring_folder()
    {
        await using var factory = new KeyRingFactory(store: "folder", secret: Secret);
        var person = await Person.RegisterAsync(factory);
        await person.CreateSpaceAsync(label: "sealed in the folder");
        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "*.xml");
        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("<encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    private sealed class KeyRingFactory(string store, string? secret) : SqliteHearthFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hearth:KeyRing:Store", store);
            if (secret is not null)
            {
                builder.UseSetting("Hearth:KeyRing:ProtectionSecret", secret);
            }
        }
    }
}
