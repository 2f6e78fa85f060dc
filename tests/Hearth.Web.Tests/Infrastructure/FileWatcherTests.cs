namespace Hearth.Web.Tests.Infrastructure;

/// <summary>
/// A test world holds no inotify instance: the suite keeps dozens of worlds alive at once, and Linux
/// allows a user 128 instances (fs.inotify.max_user_instances), past which a page that links a
/// versioned static file fails with an IOException. The worlds watch files by polling instead.
/// </summary>
public sealed class FileWatcherTests
{
    [Fact]
    public async Task Starting_a_world_and_rendering_a_page_takes_no_inotify_instance()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var before = InotifyInstances();
        await using var world = new SqliteHearthFactory();
        using var http = world.CreateClient();
        var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode}");
        Assert.Equal(before, InotifyInstances());
    }

    private static int InotifyInstances() =>
        Directory.EnumerateFiles("/proc/self/fd").Count(fd =>
        {
            try
            {
                return new FileInfo(fd).LinkTarget == "anon_inode:inotify";
            }
            catch (IOException)
            {
                return false;
            }
        });
}
