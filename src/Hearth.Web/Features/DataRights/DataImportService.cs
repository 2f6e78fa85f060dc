using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Imports an export into the signed-in account, which must be new (no spaces yet): moving to
/// another Hearth. Everything becomes the importer's own, in their own spaces: open spaces come
/// back solo (the other person is not here), closed and left ones as they were. What the other
/// person revealed ("sharedWithMe") is not imported: it was theirs. All or nothing: the whole file
/// is read and checked before anything is written (<see cref="ImportFile"/>, <see cref="ImportCheck"/>),
/// and then written in short batches that become the importer's only in the last step (<see cref="ImportWriting"/>).
/// </summary>
public sealed class DataImportService(
    HearthDbContext db,
    CurrentMember current,
    SpaceScope scope,
    FieldCipher cipher,
    IEnumerable<IPersonalDataKind> kinds,
    TimeProvider clock,
    IStringLocalizer<DataRightsText> text)
{
    /// <summary>The largest file import accepts (this route only; the rest of Hearth accepts 1 MB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxSpaces = 500;

    /// <summary>"This file is larger than Hearth imports (5 MB)...", in the reader's language.</summary>
    public string TooLargeDetail => TooLarge(text);

    /// <summary>Rows per transaction: each batch holds SQLite's single writer for a few milliseconds.</summary>
    public const int BatchRows = 200;

    public async Task<Outcome<ImportSummary>> ImportAsync(ReadOnlyMemory<byte> file, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var read = ImportFile.Read(file, text);
        if (!read.IsOk)
        {
            return read.As<ImportSummary>();
        }

        var document = read.Value!;
        if (await Counsellors.CounsellorRole.HasAsync(db, me, ct))
        {
            return CounsellorHasNoSpace(text);
        }

        var isNew = !await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == me, ct);
        if (!isNew)
        {
            return NotNew(text);
        }

        var errors = new FieldErrors();
        var plan = ImportCheck.Check(document, kinds, errors, text);
        if (errors.Any)
        {
            return errors.ToOutcome<ImportSummary>();
        }

        return await new ImportWriting(db, scope, cipher, clock, text).WriteAsync(me, document, plan, ct);
    }

    /// <summary>A counsellor has no space of their own (ADR 46, ADR 50 §3), imported ones included.</summary>
    internal static Outcome<ImportSummary> CounsellorHasNoSpace(IStringLocalizer<DataRightsText> text) =>
        Outcome<ImportSummary>.Refused(409, text["CounsellorNoImportTitle"], text["CounsellorNoImportDetail"]);

    internal static Outcome<ImportSummary> NotNew(IStringLocalizer<DataRightsText> text) =>
        Outcome<ImportSummary>.Refused(409, text["NotNewTitle"], text["NotNewDetail"]);

    internal static string TooLarge(IStringLocalizer<DataRightsText> text) => text["TooLargeDetail", MaxBytes / (1024 * 1024)];
}
