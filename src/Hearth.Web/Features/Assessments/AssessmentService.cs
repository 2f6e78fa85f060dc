using System.Globalization;
using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// The closeness assessment: start a round, save answers section by section (save and resume),
/// finish, see your own results at once, see the closeness map once both have finished the same
/// round. Everything here reads only the caller's own answers, except the map, which reads the
/// dimensions both chose to share and only when both finished.
/// </summary>
public sealed partial class AssessmentService(HearthDbContext db, CurrentMember current, PairSpaces pairs, FieldCipher cipher, TimeProvider clock, IStringLocalizer<AssessmentsText> text)
{
    public const string ShareStep = "share";

    /// <summary>The questions' structure (ids, scales, sections, version): scoring and storage read only this, the same in every language.</summary>
    public static AssessmentContent Content => AssessmentContent.Baseline;

    /// <summary>The questions in the request's language (<see cref="CultureInfo.CurrentUICulture"/>), for what a member reads.</summary>
    public static AssessmentContent CurrentContent => AssessmentContent.For(CultureInfo.CurrentUICulture.Name);

    /// <summary>The member's steps: the sections they see (sexual only with opt-in), then the sharing choice.</summary>
    public static IReadOnlyList<string> StepsFor(RelationshipKind kind, bool sexualOptIn) =>
        Content.ItemsFor(kind, sexualOptIn)
            .Where(i => !i.Item.IsSafety)
            .Select(i => i.Item.Section.WireName())
            .Distinct()
            .Append(ShareStep)
            .ToList();

    /// <summary>The sections as the member reads them, in the request's language.</summary>
    public static IReadOnlyList<AssessmentSectionView> SectionsFor(RelationshipKind kind, bool sexualOptIn, bool includeSafety = false)
    {
        var content = CurrentContent;
        return content.ItemsFor(kind, sexualOptIn)
            .Where(i => includeSafety || !i.Item.IsSafety)
            .GroupBy(i => i.Item.Section)
            .Select(g =>
            {
                var info = content.SectionInfo(g.Key);
                return new AssessmentSectionView(g.Key.WireName(), info.Title, info.Intro, g.Select(View).ToList());
            })
            .ToList();
    }

    public static AssessmentSectionView SafetySection(RelationshipKind kind) =>
        SectionsFor(kind, sexualOptIn: false, includeSafety: true).Single(s => s.Id == AssessmentSection.Safety.WireName());

    private static AssessmentItemView View(PresentedItem item) => new(
        item.Id,
        item.Item.Section.WireName(),
        item.Item.Dimension?.WireName(),
        item.Text,
        item.Item.Scale.Id,
        item.Item.Scale.Min,
        item.Item.Scale.Max,
        item.Item.Scale.Points.Select(p => new ScalePointView(p.Value, p.Label, p.Description)).ToList(),
        item.Item.AllowsNotRelevant);

    private Task<List<AssessmentResponse>> MyResponsesAsync(Guid spaceId, CancellationToken ct, bool tracking = true)
    {
        var me = current.RequireUserId();
        var query = db.Set<AssessmentResponse>().Where(r => r.SpaceId == spaceId && r.UserId == me);
        return (tracking ? query : query.AsNoTracking()).OrderBy(r => r.Round).ToListAsync(ct);
    }

    /// <summary>The space, if the caller is an active member and it is open: the same first wall as every feature (<see cref="PairSpaces"/>).</summary>
    private Task<PairSpace?> MySpaceAsync(Guid spaceId, CancellationToken ct) => pairs.OpenAsync(spaceId, ct);
}
