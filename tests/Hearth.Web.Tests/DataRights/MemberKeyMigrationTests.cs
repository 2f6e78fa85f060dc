using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// A database from before the member keys moved out of it (ADR 10): on the next start each wrapped
/// key still in a row becomes its file beside the key ring and leaves the database file, and the
/// member reads everything as before.
/// </summary>
[Slow("starts a host, then a second one on the same data folder")]
public sealed class MemberKeyMigrationTests
{
    [Fact]
    public async Task On_start_a_data_key_still_in_the_database_moves_to_its_file_and_leaves_no_copy_in_the_database_file()
    {
        var data = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Person person;
            Guid spaceId;
            Guid userId;
            byte[] wrapped;
            await using (var before = new SqliteHearthFactory { DataDirectory = data, KeepDataDirectory = true })
            {
                person = await Person.RegisterAsync(before);
                spaceId = await person.CreateSpaceAsync(label: "written before the upgrade");
                userId = await before.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync());

                // Put the database back the way earlier versions kept it: the wrapped key in the row, no file.
                var paths = before.Services.GetRequiredService<HearthPaths>();
                wrapped = await File.ReadAllBytesAsync(MemberKeyFiles.PathFor(paths, userId));
                await before.WithDbAsync(db => db.MemberKeys.Where(k => k.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(k => k.WrappedKey, wrapped)));
                File.Delete(MemberKeyFiles.PathFor(paths, userId));
            }

            await using var after = new SqliteHearthFactory { DataDirectory = data, KeepDataDirectory = true };
            var http = after.NewClient();
            await Expect.StatusAsync(System.Net.HttpStatusCode.OK, await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = person.Password }));
            var space = await (await http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative))).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("written before the upgrade", space.GetProperty("label").GetString());

            var file = MemberKeyFiles.PathFor(after.Services.GetRequiredService<HearthPaths>(), userId);
            Assert.Equal(wrapped, await File.ReadAllBytesAsync(file));
            Assert.Empty(await after.WithDbAsync(db => db.MemberKeys.Where(k => k.UserId == userId).Select(k => k.WrappedKey).SingleAsync()));
            var hits = new[] { after.SqliteFile, after.SqliteFile + "-wal" }.Where(File.Exists)
                .Count(f => ReadShared(f).AsSpan().IndexOf(wrapped) >= 0);
            Assert.True(hits == 0, $"the moved key is still in {hits} database file(s)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
