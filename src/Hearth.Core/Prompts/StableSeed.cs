using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Hearth.Core.Prompts;

/// <summary>
/// A seed that is the same for a given pair and day on every machine and in every process.
/// string.GetHashCode is randomised per process, so it is never used for this; the seed is the
/// first 8 bytes of SHA-256 over the space id and the ISO date.
/// </summary>
internal static class StableSeed
{
    public static ulong For(Guid spaceId, LocalDate date)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{spaceId:D}|{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BitConverter.ToUInt64(hash[..8]);
    }
}

/// <summary>
/// SplitMix64: a tiny, well-known generator with a fixed algorithm, so a seed gives the same
/// sequence forever (System.Random's seeded output is not a documented contract). Not for security.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, count).</summary>
    public int Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(NextUInt64() % (ulong)count);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
