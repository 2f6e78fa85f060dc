namespace Hearth.Web.Data;

/// <summary>
/// Remembers small read-only answers for the rest of one request (the services that hold it are
/// scoped), so a page that asks several features about the same space reads each thing once — and
/// forgets everything as soon as anything is saved through the request's database context, so a
/// request that changes something reads afresh.
/// </summary>
public sealed class RequestMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> seen = [];

    public RequestMemo(HearthDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.SavedChanges += (_, _) => seen.Clear();
    }

    public async Task<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (seen.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = await read(key, ct);
        seen[key] = value;
        return value;
    }
}
