using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace Hearth.Web.Api;

/// <summary>
/// Marks a string field of the API whose value is the wire name of one of <typeparamref name="TEnum"/>'s
/// members (Core's <c>WireName()</c>): the OpenAPI document then lists those names as the field's
/// enum. Used where the field stays a string in C# on purpose: an input whose unknown value gets the
/// feature's own field error rather than "unreadable JSON".
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class WireValuesAttribute<TEnum> : Attribute, IWireValues
    where TEnum : struct, Enum
{
    public IReadOnlyList<string> Values { get; } = WireNames.Of(typeof(TEnum));
}

public interface IWireValues
{
    IReadOnlyList<string> Values { get; }
}

public static class WireNames
{
    /// <summary>Each member's wire name, from the one <c>WireName(this TEnum)</c> extension beside the enum.</summary>
    public static IReadOnlyList<string> Of(Type enumType)
    {
        var wireName = enumType.Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Single(m => m.Name == "WireName" && m.GetParameters() is [{ } only] && only.ParameterType == enumType);
        return Enum.GetValues(enumType).Cast<object>().Select(v => (string)wireName.Invoke(null, [v])!).ToList();
    }
}

/// <summary>The OpenAPI document's contract details: string fields with a fixed set of wire values are enums.</summary>
public static class OpenApiContracts
{
    public static void Configure(OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(inherit: false).OfType<IWireValues>().FirstOrDefault() is { } wire)
            {
                schema.Enum = wire.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }

            return Task.CompletedTask;
        });
}
