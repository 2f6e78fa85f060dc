using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hearth.Web.Data;

/// <summary>
/// What a failed database write was, looked up by its provider's own error code (never by message
/// text). Every <c>catch (DbUpdateException)</c> in Hearth goes through <see cref="IsUniqueViolation"/>:
/// only a unique index losing a race is answered as "already done"; anything else (a full disk, a
/// broken constraint) is not ours to explain away and goes on to the error handler (docs/adr/0016-failed-writes-imports-and-the-checksum.md).
/// </summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    /// <summary>A unique index (or primary key) refused a second row: a race that one side lost.</summary>
    public static bool IsUniqueViolation(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A row changed or went away between being read and being saved: another request (a second
    /// tab, the same tap twice) got there first. Nothing was saved; answered 409 (ADR 55).
    /// </summary>
    public static bool IsChangedMeanwhile(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The storage cannot take the write right now: SQLite's SQLITE_FULL or an I/O error,
    /// PostgreSQL's disk_full (and the rest of its "insufficient resources" class 53), or the
    /// operating system saying there is no space left on the device. Answered 503 with Retry-After.
    /// </summary>
    public static bool IsStorageFull(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError }:
                case PostgresException pg when pg.SqlState.StartsWith("53", StringComparison.Ordinal):
                case IOException io when IsNoSpace(io.HResult):
                    return true;
            }
        }

        return false;
    }

    // ENOSPC (28) and EDQUOT (122) on Linux; ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
    private static bool IsNoSpace(int hresult) =>
        hresult is 28 or 122 || (hresult & 0xFFFF) is 39 or 112 && (hresult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
}
