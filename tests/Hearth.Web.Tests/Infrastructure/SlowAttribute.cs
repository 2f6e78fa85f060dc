using Xunit.v3;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>
/// Marks a test (or a test class, or a shared base class, which its subclasses inherit) as one of the slow
/// suites: the trait <c>Speed=Slow</c>. The inner loop leaves them out,
/// <c>dotnet test tests/Hearth.Web.Tests --filter "Speed!=Slow"</c>; CI and plain
/// <c>dotnet test</c> run everything. Say why it is slow, so the next person can judge.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class SlowAttribute(string why) : Attribute, ITraitAttribute
{
    public const string Trait = "Speed";

    public const string Value = "Slow";

    public string Why { get; } = why;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Trait, Value)];
}
