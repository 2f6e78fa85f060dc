using System.Diagnostics;
using Npgsql;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>PostgreSQL's own client programs (pg_dump, pg_restore) and throwaway databases, for the backup tests.</summary>
internal static class PgTools
{
    /// <summary>The newest installed PostgreSQL bin folder holding pg_dump, or null (the test then says so, or fails when PostgreSQL is required).</summary>
    public static string? Bin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_dump"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;

    public static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} failed: {error}");
    }

    /// <summary>pg_dump -Fc of the database of <paramref name="connection"/> into <paramref name="file"/>.</summary>
    public static Task DumpAsync(string bin, string connection, string file)
    {
        var source = new NpgsqlConnectionStringBuilder(connection);
        return RunAsync(Path.Combine(bin, "pg_dump"), "-Fc", "-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", source.Username!, "-f", file, source.Database!);
    }

    /// <summary>A new, empty database on the test server, and pg_restore of <paramref name="dump"/> into it (none: it stays empty); its connection string.</summary>
    public static async Task<string> RestoreIntoNewAsync(string bin, string like, string name, string? dump)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var source = new NpgsqlConnectionStringBuilder(like);
        if (dump is not null)
        {
            await RunAsync(Path.Combine(bin, "pg_restore"), "--no-owner", "-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", source.Username!, "-d", name, dump);
        }

        return new NpgsqlConnectionStringBuilder(like) { Database = name }.ToString();
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
