using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Hearth.Web.Security;

/// <summary>What one read of the session tells the rest of the request (ADR 48): its state, the member's own language and the open spaces they are an active member of.</summary>
public sealed record SessionRow(DateTimeOffset LastSeenAt, bool NeedsConfirmation, string? Language, List<Guid> SpaceIds);

/// <summary>
/// The session read on SQLite, with its statement prepared once and kept (ADR 53). Every signed-in
/// request reads its session; through EF Core, SQLite parsed and planned that statement again on every
/// request, because Microsoft.Data.Sqlite keeps a prepared statement only as long as its command and
/// open connection, and EF makes a new command each time (dotnet/efcore#14044). Here a few connections
/// stay open, each with its command prepared; a request borrows one, binds two parameters and steps it.
/// </summary>
/// <remarks>
/// Nothing is cached but the statement: every read asks the database, so a session ended or revoked
/// by any connection (another request, the <c>hearth</c> command) is refused on the very next request.
/// Outside a transaction each read sees the latest committed data (WAL). The connections are query-only.
/// The rule is the one the EF query states for PostgreSQL (<see cref="SessionStore"/>);
/// SessionReadsAgreeTests holds the two to the same answers.
/// </remarks>
public sealed class SqliteSessionReads(string connectionString) : IDisposable
{
    /// <summary>At most this many idle connections are kept; more at once are opened for the read and closed.</summary>
    private const int Kept = 4;

    /// <summary>
    /// One row per open space (or one row with no space). The memberships are found by their user
    /// through the (UserId, LeftAt) index, the session by its key (QueryPlanTests).
    /// </summary>
    internal const string Sql = """
        SELECT "s"."LastSeenAt", "s"."NeedsConfirmation", "u"."Language", "m"."SpaceId"
        FROM "UserSessions" AS "s"
        LEFT JOIN "AspNetUsers" AS "u" ON "u"."Id" = "s"."UserId"
        LEFT JOIN "Memberships" AS "m" ON "m"."UserId" = "s"."UserId" AND "m"."LeftAt" IS NULL
            AND EXISTS (SELECT 1 FROM "Spaces" AS "p" WHERE "p"."Id" = "m"."SpaceId" AND "p"."ClosedAt" IS NULL)
        WHERE "s"."Id" = $session AND "s"."UserId" = $user
        """;

    private readonly string readerConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private readonly ConcurrentBag<Prepared> idle = [];
    private int idleCount;
    private volatile bool disposed;

    /// <summary>The session by its key and user, or null when there is no such row.</summary>
    public SessionRow? Read(Guid sessionId, Guid userId)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (idle.TryTake(out var prepared))
        {
            Interlocked.Decrement(ref idleCount);
        }
        else
        {
            prepared = new Prepared(readerConnectionString);
        }

        SessionRow? row;
        try
        {
            row = prepared.Read(sessionId, userId);
        }
        catch
        {
            // A connection that failed is not kept.
            prepared.Dispose();
            throw;
        }

        if (!disposed && Interlocked.Increment(ref idleCount) <= Kept)
        {
            idle.Add(prepared);
        }
        else
        {
            Interlocked.Decrement(ref idleCount);
            prepared.Dispose();
        }

        return row;
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var prepared))
        {
            prepared.Dispose();
        }
    }

    /// <summary>One open connection with the statement prepared on it.</summary>
    private sealed class Prepared : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand command;
        private readonly SqliteParameter session;
        private readonly SqliteParameter user;

        public Prepared(string connectionString)
        {
            connection = new SqliteConnection(connectionString);
            try
            {
                connection.Open();
                Data.SqliteBusyTimeout.ApplyTo(connection);

                // This connection only ever reads.
                SQLitePCL.raw.sqlite3_exec(connection.Handle, "PRAGMA query_only=ON;");
                command = connection.CreateCommand();
                command.CommandText = Sql;

                // As EF Core stores them: a key as upper-case text.
                session = command.Parameters.Add("$session", SqliteType.Text);
                user = command.Parameters.Add("$user", SqliteType.Text);
                session.Value = "";
                user.Value = "";
                command.Prepare();
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public SessionRow? Read(Guid sessionId, Guid userId)
        {
            session.Value = sessionId.ToString().ToUpperInvariant();
            user.Value = userId.ToString().ToUpperInvariant();
            using var reader = command.ExecuteReader();
            SessionRow? row = null;
            while (reader.Read())
            {
                row ??= new SessionRow(
                    new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
                    reader.GetInt64(1) != 0,
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    []);
                if (!reader.IsDBNull(3))
                {
                    row.SpaceIds.Add(reader.GetGuid(3));
                }
            }

            return row;
        }

        public void Dispose()
        {
            command?.Dispose();
            connection.Dispose();
        }
    }
}
