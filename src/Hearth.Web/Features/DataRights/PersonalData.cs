using System.Text.Json;
using System.Text.Json.Serialization;
using Hearth.Core.Spaces;
using Hearth.Web.Api;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// One kind of data a member keeps in a space (prompt answers, notes, memories...), for the three
/// data rights: export it, import it into a fresh account on another Hearth, and erase it when the
/// account is deleted. Each feature adds one class implementing this and registers it with
/// <c>services.AddPersonalDataKind&lt;T&gt;()</c>; export, import, deletion and the canary scan find it
/// from DI. docs/export-format.md says how to add one.
/// </summary>
public interface IPersonalDataKind
{
    /// <summary>Its section name in the export ("memories"), camelCase, stable within a format version.</summary>
    string Name { get; }

    /// <summary>
    /// The member's own items in this space ("mine") and what the other member revealed to them
    /// (null when this kind never reveals anything). The service has already checked that the space
    /// is one of the member's own memberships (open, closed or left); queries here must look past
    /// the query filters (closed spaces) and must restrict themselves to <see cref="MemberSpace.SpaceId"/>.
    /// Never include what the other member has not revealed.
    /// </summary>
    Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct);

    /// <summary>
    /// Reads and checks this kind's "mine" items from an export. Problems go into <paramref name="errors"/>
    /// (field names under <paramref name="path"/>); nothing is written here. Returns the writer that
    /// adds the rows to the unit of work, run later inside the import's single transaction.
    /// </summary>
    ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors);

    /// <summary>
    /// Account deletion: removes every row of this kind the member authored, in every space (look
    /// past the query filters). What the other member authored stays theirs.
    /// </summary>
    Task EraseAsync(Guid userId, CancellationToken ct);
}

/// <summary>Adds imported rows for one space to the unit of work (the import saves once, in one transaction).</summary>
public delegate Task ImportWriter(ImportTarget target, CancellationToken ct);

/// <summary>What a kind exports for one space.</summary>
public sealed record KindExport(JsonElement Mine, JsonElement? SharedWithMe)
{
    public static KindExport Of<TMine, TShared>(IEnumerable<TMine> mine, IEnumerable<TShared>? shared) =>
        new(ExportJson.Element(ExportJson.StableOrder(mine)), shared is null ? null : ExportJson.Element(ExportJson.StableOrder(shared)));
}

public static class PersonalDataRegistration
{
    /// <summary>Registers a kind of personal data for export, import and deletion.</summary>
    public static IServiceCollection AddPersonalDataKind<T>(this IServiceCollection services)
        where T : class, IPersonalDataKind =>
        services.AddScoped<IPersonalDataKind, T>();
}

/// <summary>The JSON conventions of the export format, in one place.</summary>
public static class ExportJson
{
    /// <summary>Writing: camelCase, nulls kept (a missing value is visible), instants in ISO 8601.</summary>
    public static JsonSerializerOptions Write { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file as downloaded: the same, indented for people to read.</summary>
    public static JsonSerializerOptions WriteIndented { get; } = new(Write) { WriteIndented = true };

    /// <summary>Reading an import: strict (unknown fields are refused, not ignored) and shallow.</summary>
    public static JsonSerializerOptions Read { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, Write);

    /// <summary>
    /// Items in a stable order that survives an export, import and export again: by their content
    /// (the serialized item), which has no ids in it. Kinds put their natural date first in their
    /// records, so this is also roughly chronological.
    /// </summary>
    public static IReadOnlyList<T> StableOrder<T>(IEnumerable<T> items) =>
        items.Select(i => (Item: i, Key: JsonSerializer.Serialize(i, Write))).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Item).ToList();

    /// <summary>Instants are kept to the microsecond: what both databases store exactly.</summary>
    public static DateTimeOffset Instant(DateTimeOffset value) =>
        new DateTimeOffset(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public static DateTimeOffset? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    /// <summary>Reads a kind's list of items strictly; a problem is reported at the list, without echoing any value.</summary>
    public static List<T>? ReadList<T>(JsonElement element, string path, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "This part needs to be a list.");
            return null;
        }

        if (element.GetArrayLength() > DataImportService.MaxItemsPerList)
        {
            errors.Add(path, $"This list is longer than Hearth accepts ({DataImportService.MaxItemsPerList:N0} items).");
            return null;
        }

        try
        {
            var list = element.Deserialize<List<T?>>(Read);
            if (list is null || list.Any(i => i is null))
            {
                errors.Add(path, "An item in this list is empty.");
                return null;
            }

            return list!;
        }
        catch (JsonException ex)
        {
            errors.Add(path, $"An item in this list could not be read (at {Where(ex)}). Check that the file is an unchanged Hearth export.");
            return null;
        }
    }

    /// <summary>The JSON path of a problem, without the value itself.</summary>
    public static string Where(JsonException ex) => string.IsNullOrEmpty(ex.Path) ? "the start" : ex.Path!;
}
