using System.Text.Json;
using Hearth.Web.Api;
using Hearth.Web.Features.DataRights;

namespace Hearth.Web.Data.Export;

/// <summary>
/// One kind of data a member keeps in a space (prompt answers, notes, memories...), for the three
/// data rights: export it, import it into a fresh account on another Hearth, and erase it when the
/// account is deleted. Each feature keeps one class implementing this in its own folder (with its
/// item records: the feature's part of the export format) and registers it with
/// <c>services.AddPersonalDataKind&lt;T&gt;()</c>; export, import, deletion, the "Your data" page and
/// the canary scan find it from DI and never name a feature. docs/export-format.md says how to add one.
/// </summary>
public interface IPersonalDataKind
{
    /// <summary>Its section name in the export ("memories"), camelCase, stable within a format version.</summary>
    string Name { get; }

    /// <summary>How the "Your data" page shows this kind: its headings and plain words for its fields.</summary>
    KindDisplay Display { get; }

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

/// <summary>
/// A kind that is exported and erased like every other, but never brought back by import: it names
/// accounts or events of this Hearth (a counsellor's grant, when they looked), so it cannot move to
/// another one (docs/adr/0049). Import still checks its lists. EveryKindTests knows these by this mark.
/// </summary>
public interface IExportOnlyKind : IPersonalDataKind;

/// <summary>Adds imported rows for one space to the unit of work (the import saves once, in one transaction).</summary>
public delegate Task ImportWriter(ImportTarget target, CancellationToken ct);

/// <summary>What a kind exports for one space.</summary>
public sealed record KindExport(JsonElement Mine, JsonElement? SharedWithMe)
{
    public static KindExport Of<TMine, TShared>(IEnumerable<TMine> mine, IEnumerable<TShared>? shared) =>
        new(ExportJson.Element(ExportJson.StableOrder(mine)), shared is null ? null : ExportJson.Element(ExportJson.StableOrder(shared)));
}

/// <summary>
/// How the "Your data" page shows a kind. <paramref name="SharedHeading"/> null: the kind reveals
/// nothing, or one heading fits both parts.
/// </summary>
public sealed record KindDisplay(string MineHeading, string? SharedHeading = null)
{
    /// <summary>A field's value in words where plain text would not do (a plan's step ids as titles); null: as plain text.</summary>
    public Func<string, JsonElement, string?>? Value { get; init; }

    public string Heading(bool mine) => mine ? MineHeading : SharedHeading ?? MineHeading;

    /// <summary>Any value as plain text for reading.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "-",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Text(p.Value)}")),
        _ => value.GetRawText(),
    };
}

public static class PersonalDataRegistration
{
    /// <summary>Registers a kind of personal data for export, import and deletion.</summary>
    public static IServiceCollection AddPersonalDataKind<T>(this IServiceCollection services)
        where T : class, IPersonalDataKind =>
        services.AddScoped<IPersonalDataKind, T>();
}

