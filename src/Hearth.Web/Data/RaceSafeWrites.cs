using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data;

/// <summary>
/// Two writes where a unique index decides the race and the loser is no failure (ADR 55,
/// <c>RaceAnswerTests</c>): the same mark sent twice at once, or the first row of a setting saved
/// by both members at once. The loser's row is forgotten by the context, so nothing is saved twice.
/// </summary>
public static class RaceSafeWrites
{
    /// <summary>
    /// Adds a row that a unique index keeps single and saves it; false when another request (a
    /// double tap) added the same row a moment ago, which is what the caller asked for too.
    /// </summary>
    public static async Task<bool> AddOnceAsync<T>(HearthDbContext db, T row, CancellationToken ct)
        where T : class
    {
        var entry = db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            entry.State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// Saves a one-row setting that may not exist yet: <paramref name="find"/> reads it (tracked),
    /// <paramref name="create"/> makes a new one, <paramref name="apply"/> writes the values. If the
    /// insert loses to another request's insert at the same moment, it tries once more as an update
    /// of the row that now exists.
    /// </summary>
    public static async Task SaveFirstOrUpdateAsync<T>(HearthDbContext db, Func<CancellationToken, Task<T?>> find, Func<T> create, Action<T> apply, CancellationToken ct)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await find(ct);
            var created = row is null;
            if (row is null)
            {
                row = create();
                db.Add(row);
            }

            apply(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException race) when (created && attempt == 0 && DbErrors.IsUniqueViolation(race))
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
