using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hearth.Web.Data;

/// <summary>
/// An error line in the log should mean something is wrong. EF Core logs every failed command and
/// every failed SaveChanges at Error, including a unique index refusing the loser of a race, which
/// Hearth handles and answers 409 (two check-ins for one week at the same moment). Those two events
/// are lowered to Debug in <see cref="DatabaseSetup"/>, and this interceptor puts back an Error line
/// for every failure that is not a unique violation: a full disk, a broken constraint, a lost server.
/// </summary>
public sealed class DatabaseErrorLogging(ILoggerFactory logs) : DbCommandInterceptor, ISaveChangesInterceptor
{
    private readonly ILogger log = logs.CreateLogger("Hearth.Database");

    public static readonly EventId[] LoweredEvents = [RelationalEventId.CommandError, CoreEventId.SaveChangesFailed];

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReportCommand(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReportCommand(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private void ReportCommand(DbCommand command, Exception exception)
    {
        // EF Core looks at its migrations history before the first migration has created it (a new
        // database, or two instances starting on one at once): expected, and EF carries on.
        if (command.CommandText.Contains("__EFMigrationsHistory", StringComparison.Ordinal) && IsMissingTable(exception))
        {
            log.LogDebug("The migrations history does not exist yet; EF Core creates it");
            return;
        }

        Report(exception, "a database command");
    }

    private static bool IsMissingTable(Exception exception) => exception switch
    {
        Npgsql.PostgresException pg => pg.SqlState == "42P01",
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.Message.Contains("no such table", StringComparison.Ordinal),
        _ => false,
    };

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // A failed command was reported above already; this is for failures with no command (a concurrency conflict).
        if (eventData.Exception is not Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: DbException })
        {
            Report(eventData.Exception, "saving changes");
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Report(Exception exception, string what)
    {
        if (DbErrors.IsUniqueViolation(exception))
        {
            log.LogDebug("A unique index refused a second write at the same moment (a race one side lost; answered as already done)");
            return;
        }

        if (DbErrors.IsChangedMeanwhile(exception))
        {
            log.LogInformation("A row changed or went away while it was being saved (two requests at the same moment); nothing was saved, answered 409");
            return;
        }

        Hosting.HearthMetrics.WriteFailed(DbErrors.IsStorageFull(exception));
        if (DbErrors.IsStorageFull(exception))
        {
            log.LogError(exception, "The database could not save: its storage is full or failing ({What})", what);
            return;
        }

        log.LogError(exception, "The database refused {What}", what);
    }
}
