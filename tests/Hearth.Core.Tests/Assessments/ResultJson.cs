using System.Text.Json;

namespace Hearth.Core.Tests.Assessments;

/// <summary>Serialises a result so two results can be compared byte for byte (records hold lists).</summary>
internal static class ResultJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}
