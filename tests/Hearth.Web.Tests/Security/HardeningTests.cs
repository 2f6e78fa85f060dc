using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Security;

public sealed class HardeningTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/api/v1/spaces")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await factory.NewClient().GetAsync(new Uri(url, UriKind.Relative));
        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, "private pages must not be cached");
    }

    [Fact]
    public async Task Versioned_styles_and_scripts_are_kept_by_the_browser_and_unversioned_ones_revalidate()
    {
        var http = factory.NewClient();
        var page = await http.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var stylesheet = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/css/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(stylesheet), "the layout links its stylesheet with a version");

        var versioned = await http.GetAsync(new Uri(System.Net.WebUtility.HtmlDecode(stylesheet), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.True(versioned.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), "a versioned asset is cached for a year");
        Assert.Contains("immutable", versioned.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var plain = await http.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.Null(plain.Headers.CacheControl?.MaxAge);
        Assert.False(plain.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public async Task Strict_transport_security_lasts_a_year_outside_development()
    {
        // (HSTS is never sent to localhost, so ask as a real host name would: the public address.)
        await using var app = new Links.PublicAddressFactory();
        var response = await app.NewClient().GetAsync(new Uri("https://hearth.example.org/"));
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_host_only_secure_http_only_and_same_site()
    {
        var http = factory.NewClient();
        var page = await http.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-hearth-af=", StringComparison.Ordinal));
        AssertHostCookie(antiforgery);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        var person = await Person.RegisterAsync(factory, signIn: false);
        var signIn = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = person.Password });
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-hearth=", StringComparison.Ordinal));
        AssertHostCookie(session);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertHostCookie(string cookie)
    {
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_load_nothing_from_other_sites()
    {
        foreach (var url in new[] { "/", "/account/sign-in", "/account/register", "/exit" })
        {
            var html = await (await factory.NewClient().GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
            Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
            Assert.Contains("<title>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Space_labels_are_encrypted_in_the_database_file_and_wal()
    {
        const string Canary = "CANARY-label-7f3a91";
        var person = await Person.RegisterAsync(factory);
        var spaceId = await person.CreateSpaceAsync(label: Canary);
        Assert.Equal(Canary, (await person.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("label").GetString());

        var stored = await factory.WithDbAsync(db => db.Memberships.All().Where(m => m.SpaceId == spaceId).Select(m => m.LabelCiphertext).SingleAsync());
        Assert.NotNull(stored);
        Assert.DoesNotContain(Canary, Encoding.UTF8.GetString(stored), StringComparison.Ordinal);

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(factory.SqliteFile)!))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Canary)));
        }
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_row_or_owner_does_not_decrypt()
    {
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var anaSpace = await ana.CreateSpaceAsync(label: "Ana's secret name");
        var benSpace = await ben.CreateSpaceAsync(label: "Ben's name");

        // Copy Ana's ciphertext onto Ben's row: Ben must not see Ana's text.
        await factory.WithDbAsync(async db =>
        {
            var source = await db.Memberships.All().SingleAsync(m => m.SpaceId == anaSpace);
            var target = await db.Memberships.All().SingleAsync(m => m.SpaceId == benSpace);
            target.LabelCiphertext = source.LabelCiphertext;
            return await db.SaveChangesAsync();
        });

        using var scope = factory.Services.CreateScope();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var rows = await factory.WithDbAsync(db => db.Memberships.All().Where(m => m.SpaceId == anaSpace || m.SpaceId == benSpace).ToListAsync());
        var anaRow = rows.Single(r => r.SpaceId == anaSpace);
        var benRow = rows.Single(r => r.SpaceId == benSpace);
        Assert.Equal("Ana's secret name", await cipher.DecryptAsync(anaRow.LabelCiphertext, new CipherContext("Memberships", "Label", anaRow.Id, anaRow.UserId)));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() =>
            cipher.DecryptAsync(benRow.LabelCiphertext, new CipherContext("Memberships", "Label", benRow.Id, benRow.UserId)));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() =>
            cipher.DecryptAsync(anaRow.LabelCiphertext, new CipherContext("Memberships", "Label", anaRow.Id, benRow.UserId)));
    }

    [Fact]
    public async Task Destroying_a_members_key_makes_their_encrypted_data_unreadable()
    {
        var person = await Person.RegisterAsync(factory);
        var spaceId = await person.CreateSpaceAsync(label: "soon unreadable");
        var row = await factory.WithDbAsync(db => db.Memberships.All().SingleAsync(m => m.SpaceId == spaceId));
        await factory.WithDbAsync(db => db.MemberKeys.Where(k => k.UserId == row.UserId).ExecuteDeleteAsync());

        using var scope = factory.Services.CreateScope();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        Assert.Null(await cipher.DecryptAsync(row.LabelCiphertext, new CipherContext("Memberships", "Label", row.Id, row.UserId)));
    }

    [Fact]
    public async Task The_database_filter_hides_other_spaces_even_from_a_query_without_a_where_clause()
    {
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var anaSpace = await ana.CreateSpaceAsync();
        var benSpace = await ben.CreateSpaceAsync();
        var anaId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == ana.Email).Select(u => u.Id).SingleAsync());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Hearth.Web.Data.HearthDbContext>();
        Assert.Empty(await db.Memberships.ToListAsync());
        Assert.Empty(await db.Spaces.ToListAsync());

        await scope.ServiceProvider.GetRequiredService<Hearth.Web.Security.SpaceScope>().LoadAsync(db, anaId);
        var visible = await db.Memberships.Select(m => m.SpaceId).Distinct().ToListAsync();
        Assert.Contains(anaSpace, visible);
        Assert.DoesNotContain(benSpace, visible);
        Assert.Equal([anaSpace], await db.Spaces.Where(s => s.Id == anaSpace || s.Id == benSpace).Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.SqliteFile};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        _ = factory.Services;
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_sqlite_connection_the_app_opens_waits_for_the_writer()
    {
        // Without it a second writer gets "database is locked" handling with a coarse retry sleep
        // (docs/performance.md: check-in submit p99 845 ms before, 300 ms after).
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Hearth.Web.Data.HearthDbContext>();
        for (var i = 0; i < 3; i++) // pooled connections are reopened for every query
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(30_000L, (long)(await command.ExecuteScalarAsync())!);
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task The_health_endpoint_answers_for_operators()
    {
        var response = await factory.NewClient().GetAsync(new Uri("/health", UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var doc = await factory.NewClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/openapi.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/spaces", paths);
        Assert.Contains("/api/v1/spaces/{spaceId}", paths);
        Assert.Contains("/api/v1/invitations/accept", paths);
        Assert.Contains("/api/v1/account/sign-in", paths);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
