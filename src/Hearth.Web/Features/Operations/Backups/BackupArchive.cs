using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hearth.Web.Data.Encryption;

namespace Hearth.Web.Features.Operations.Backups;

/// <summary>What a backup archive says about itself (its first member, hearth-backup.json).</summary>
public sealed record BackupManifest(
    string Format,
    DateTimeOffset CreatedAt,
    string Provider,
    string KeyRingStore,
    string? LastMigration,
    IReadOnlyList<BackupMember> Files)
{
    public const string CurrentFormat = "hearth-backup/1";
}

/// <summary>One file in the archive: its path inside the archive, its size and SHA-256 (lower-case hex).</summary>
public sealed record BackupMember(string Path, long Size, string Sha256);

/// <summary>The archive was damaged, cut short, changed or is not a Hearth backup at all.</summary>
public sealed class CorruptBackupException(string message) : Exception(message);

/// <summary>
/// A Hearth backup archive (ADR 44): a gzip-compressed tar of
/// <c>hearth-backup.json</c> (the manifest: format, provider, key ring store, last migration, and every
/// file's size and SHA-256), <c>hearth-backup.json.sha256</c> (the manifest's own SHA-256), then
/// <c>db/hearth.db</c> (SQLite only) and <c>keys/*</c> (the key ring folder: the Data Protection keys
/// and the members' key files). Written owner-only (600) beside its final name and renamed when
/// complete, so a half-written archive never carries the final name. Reading checks every checksum
/// and accepts only those paths.
/// </summary>
public static class BackupArchive
{
    public const string ManifestName = "hearth-backup.json";
    public const string ManifestChecksumName = "hearth-backup.json.sha256";
    public const string DatabasePath = "db/hearth.db";
    public const string KeysFolder = "keys/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the archive from files staged on disk (archive path to source file). Refuses an existing target.</summary>
    public static BackupManifest Write(string target, string provider, string keyRingStore, string? lastMigration, DateTimeOffset createdAt, IReadOnlyList<(string ArchivePath, string Source)> files)
    {
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new IOException($"{target} already exists; Hearth does not overwrite a backup. Choose a new name.");
        }

        var members = files.Select(f => new BackupMember(f.ArchivePath, new FileInfo(f.Source).Length, Sha256Of(f.Source))).ToList();
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, provider, keyRingStore, lastMigration, members);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        var partial = target + ".partial";
        try
        {
            using (var file = new FileStream(partial, OwnerOnly.NewFile(FileMode.CreateNew)))
            {
                using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
                using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    Add(tar, ManifestName, manifestBytes);
                    Add(tar, ManifestChecksumName, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(manifestBytes))));
                    foreach (var (archivePath, source) in files)
                    {
                        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, archivePath) { DataStream = File.OpenRead(source), Mode = OwnerOnly.FileMode600 });
                    }
                }

                file.Flush(flushToDisk: true);
            }

            RefuseIfReadableByOthers(partial);
            File.Move(partial, target, overwrite: false);
            return manifest;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>
    /// The archive is written with mode 600 whatever the umask; on a file system that ignores modes
    /// (a FAT stick, some network shares) it would be readable by everyone, so Hearth stops instead.
    /// </summary>
    internal static void RefuseIfReadableByOthers(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if ((File.GetUnixFileMode(path) & others) != 0)
        {
            throw new UnauthorizedAccessException(
                $"The backup would be readable by other users of this machine ({path} does not keep owner-only permissions). Nothing was kept; write it to a folder on a file system with Unix permissions.");
        }
    }

    /// <summary>
    /// Reads and checks the archive into <paramref name="staging"/> (an empty folder): every member's
    /// size and SHA-256 must match the manifest, whose own checksum must match, and nothing but the
    /// known paths may be in it. Throws <see cref="CorruptBackupException"/> otherwise.
    /// </summary>
    public static BackupManifest Extract(string archive, string staging)
    {
        if (!File.Exists(archive))
        {
            throw new FileNotFoundException($"There is no backup archive at {archive}.", archive);
        }

        byte[]? manifestBytes = null;
        string? manifestChecksum = null;
        var extracted = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(archive);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null && entry.Length > 0)
                {
                    throw new CorruptBackupException($"The archive holds something that is not a plain file ({entry.Name}).");
                }

                if (entry.Name == ManifestName)
                {
                    manifestBytes = ReadAll(entry.DataStream);
                }
                else if (entry.Name == ManifestChecksumName)
                {
                    manifestChecksum = Encoding.ASCII.GetString(ReadAll(entry.DataStream)).Trim();
                }
                else if (IsAllowedPath(entry.Name) && !extracted.ContainsKey(entry.Name))
                {
                    var destination = Path.Combine(staging, entry.Name.Replace('/', Path.DirectorySeparatorChar));
                    OwnerOnly.Folder(Path.GetDirectoryName(destination)!);
                    using var output = new FileStream(destination, OwnerOnly.NewFile(FileMode.CreateNew));
                    entry.DataStream?.CopyTo(output);
                    extracted[entry.Name] = destination;
                }
                else
                {
                    throw new CorruptBackupException($"The archive holds a file Hearth does not expect ({entry.Name}).");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or InvalidOperationException)
        {
            throw new CorruptBackupException($"The archive is damaged or cut short and cannot be read ({ex.Message}).");
        }

        if (manifestBytes is null || manifestChecksum is null)
        {
            throw new CorruptBackupException("The archive has no manifest (hearth-backup.json): it is not a Hearth backup, or it was cut short.");
        }

        if (!string.Equals(manifestChecksum, Convert.ToHexStringLower(SHA256.HashData(manifestBytes)), StringComparison.Ordinal))
        {
            throw new CorruptBackupException("The archive's manifest does not match its checksum: the archive was changed or damaged.");
        }

        BackupManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(manifestBytes, Json) ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new CorruptBackupException("The archive's manifest cannot be read.");
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new CorruptBackupException($"The archive is in a format this Hearth does not know ({manifest.Format}).");
        }

        foreach (var member in manifest.Files)
        {
            if (!extracted.TryGetValue(member.Path, out var path))
            {
                throw new CorruptBackupException($"The archive is missing {member.Path}, which its manifest lists.");
            }

            if (new FileInfo(path).Length != member.Size || !string.Equals(Sha256Of(path), member.Sha256, StringComparison.Ordinal))
            {
                throw new CorruptBackupException($"{member.Path} in the archive does not match its checksum: the archive is damaged.");
            }
        }

        if (extracted.Keys.Except(manifest.Files.Select(f => f.Path), StringComparer.Ordinal).FirstOrDefault() is { } extra)
        {
            throw new CorruptBackupException($"The archive holds {extra}, which its manifest does not list.");
        }

        return manifest;
    }

    /// <summary>Only the database and plain file names in keys/: no folders, no "..", nothing absolute.</summary>
    private static bool IsAllowedPath(string name) =>
        name == DatabasePath
        || (name.StartsWith(KeysFolder, StringComparison.Ordinal)
            && name.Length > KeysFolder.Length
            && name[KeysFolder.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            && !name[KeysFolder.Length..].StartsWith('.'));

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void Add(TarWriter tar, string name, byte[] bytes) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes), Mode = OwnerOnly.FileMode600 });

    private static byte[] ReadAll(Stream? stream)
    {
        if (stream is null)
        {
            return [];
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
