namespace Hearth.Web.Pair;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Refused,
}

/// <summary>
/// What a feature service answers, for pages and API alike: a value, "not found" (also for
/// anything the caller may not see: a foreign id looks exactly like a missing one), field errors,
/// or a refusal with a status and a plain sentence.
/// </summary>
public sealed record Outcome<T>(
    OutcomeKind Kind,
    T? Value,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    int Status = 200,
    string? Title = null,
    string? Detail = null,
    TimeSpan? RetryAfter = null)
{
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, Status: 404);

    public static Outcome<T> Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, default, new Dictionary<string, string[]> { [field] = [message] }, 400);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(OutcomeKind.Invalid, default, errors, 400);

    public static Outcome<T> Refused(int status, string title, string detail, TimeSpan? retryAfter = null) =>
        new(OutcomeKind.Refused, default, null, status, title, detail, retryAfter);

    public Outcome<TOther> As<TOther>() => new(Kind, default, Errors, Status, Title, Detail, RetryAfter);
}

/// <summary>An empty success value.</summary>
public readonly record struct Done;

/// <summary>Collects field errors while checking input.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public Outcome<T> ToOutcome<T>() => Outcome<T>.Invalid(ToDictionary());
}
