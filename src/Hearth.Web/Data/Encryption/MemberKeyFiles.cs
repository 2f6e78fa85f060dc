using System.Runtime.InteropServices;
using Hearth.Web.Hosting;

namespace Hearth.Web.Data.Encryption;

/// <summary>
/// Each member's data key, wrapped by Data Protection, as a small file in the key ring folder
/// (keys/member-&lt;id&gt;.key) when the key ring is a folder: the database never holds it, so no
/// copy of it can outlive an account deletion in the database's free pages, WAL, dead tuples or
/// backups (docs/adr/0010-member-keys-outside-the-database.md). Written once, atomically
/// (a temporary file, flushed, then linked into place without overwriting), so two first writes at
/// once, even on two instances sharing the folder, agree on one key.
/// </summary>
public static class MemberKeyFiles
{
    private const string Prefix = "member-";

    public static string PathFor(HearthPaths paths, Guid userId) => Path.Combine(paths.Keys, $"{Prefix}{userId:N}.key");

    /// <summary>The wrapped key in the member's file, or null when there is none.</summary>
    public static byte[]? Read(HearthPaths paths, Guid userId)
    {
        try
        {
            return File.ReadAllBytes(PathFor(paths, userId));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the member's key file unless one exists already, and answers what the file holds then
    /// (this key, or the one another request wrote a moment earlier). Durable before it returns.
    /// </summary>
    public static byte[] WriteOnce(HearthPaths paths, Guid userId, byte[] wrapped)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(wrapped);
        if (Read(paths, userId) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(paths.Keys);
        var target = PathFor(paths, userId);
        var temporary = Path.Combine(paths.Keys, $".{Prefix}{userId:N}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temporary, OwnerOnly.NewFile(FileMode.CreateNew)))
        {
            stream.Write(wrapped);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // On Unix a move that must not overwrite is a hard link then an unlink: it fails if the target exists.
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temporary);
        }

        OwnerOnly.FlushDirectory(paths.Keys);
        return File.ReadAllBytes(target);
    }

    /// <summary>Destroys the member's key file: overwritten with zeros, flushed, deleted.</summary>
    public static void Destroy(HearthPaths paths, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var path = PathFor(paths, userId);
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
            stream.Write(new byte[stream.Length]);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Deleting it below is what matters.
        }

        File.Delete(path);
        OwnerOnly.FlushDirectory(paths.Keys);
    }
}

/// <summary>Files and folders of the data folder are the owner's alone (mode 600 and 700), whatever the umask.</summary>
public static class OwnerOnly
{
    public const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Options for a new file that is created owner-only (mode 600).</summary>
    public static FileStreamOptions NewFile(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode600;
        }

        return options;
    }

    /// <summary>A new folder, or an existing one, made owner-only (700).</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode700);
        TrySet(path, FolderMode700);
    }

    /// <summary>An empty file created owner-only (600) unless it exists: SQLite then keeps that mode, and gives it to the WAL and shm too.</summary>
    public static void EnsureFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, NewFile(FileMode.CreateNew));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone else created it a moment ago.
        }
    }

    /// <summary>Everything in and below the folder made owner-only: files 600, folders 700. Files another account owns are left as they are.</summary>
    public static void Tighten(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        TrySet(folder, FolderMode700);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            TrySet(entry, Directory.Exists(entry) ? FolderMode700 : FileMode600);
        }
    }

    private static void TrySet(string path, UnixFileMode wanted)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            if ((File.GetUnixFileMode(path) & ~wanted) != 0)
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) & wanted);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not ours to change (a shared mount owned by another account), or gone meanwhile.
        }
    }

    /// <summary>Makes the rename of a file in this folder durable (fsync of the folder itself); best effort.</summary>
    public static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = NativeMethods.open(directory, 0);
        if (fd < 0)
        {
            return;
        }

        _ = NativeMethods.fsync(fd);
        _ = NativeMethods.close(fd);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        internal static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        internal static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        internal static extern int close(int fd);
    }
}
