using System.Globalization;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Web.Data;
using Hearth.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.BigPicture;

/// <summary>
/// Checking in on the big picture (docs/product/assessment-and-insights.md): the gentle offer to
/// retake the assessment, the pair's choice about it, and what changed between two rounds both
/// finished. Reads the assessment only through <see cref="AssessmentService"/>, so the reveal rule
/// (a round counts only once both finished it; only dimensions both shared) is the map's own.
/// </summary>
public sealed class BigPictureService(
    HearthDbContext db,
    PairSpaces pairs,
    AssessmentService assessments,
    TimeProvider clock,
    IStringLocalizer<BigPictureText> text,
    IStringLocalizer<AssessmentsText> dimensionWords)
{
    public async Task<Outcome<RetakeOfferView>> GetOfferAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<RetakeOfferView>.NotFound();
        }

        return Outcome<RetakeOfferView>.Ok(await OfferAsync(spaceId, await SettingAsync(spaceId, ct), ct));
    }

    /// <summary>Either member may change the pair's choice; the other sees it on the same page.</summary>
    public async Task<Outcome<RetakeOfferView>> SetOfferAsync(Guid spaceId, RetakeOfferInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<RetakeOfferView>.NotFound();
        }

        if (input.Weeks is { } weeks && !RetakeOffer.IsValidInterval(weeks))
        {
            return Outcome<RetakeOfferView>.Invalid("weeks", text["WeeksRange", RetakeOffer.MinimumWeeks, RetakeOffer.MaximumWeeks]);
        }

        var row = await db.Set<RetakeOfferSetting>().FirstOrDefaultAsync(s => s.SpaceId == spaceId, ct);
        if (row is null)
        {
            row = new RetakeOfferSetting { SpaceId = spaceId };
            db.Add(row);
        }

        row.Enabled = input.Enabled ?? row.Enabled;
        row.Weeks = input.Weeks ?? row.Weeks;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // Both set it at the same moment: the other choice stands, as if it came a moment later.
            db.ChangeTracker.Clear();
        }

        return Outcome<RetakeOfferView>.Ok(await OfferAsync(spaceId, await SettingAsync(spaceId, ct), ct));
    }

    /// <summary>What changed between two rounds both finished: the latest two, or <paramref name="from"/> and <paramref name="to"/>.</summary>
    public async Task<Outcome<ChangesView>> GetChangesAsync(Guid spaceId, int? from, int? to, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (from is < 1)
        {
            errors.Add("from", text["RoundNumber"]);
        }

        if (to is < 1)
        {
            errors.Add("to", text["RoundNumber"]);
        }

        if (from is { } f && to is { } t && f >= t)
        {
            errors.Add("to", text["ToAfterFrom"]);
        }

        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<ChangesView>.NotFound();
        }

        if (errors.Any)
        {
            return errors.ToOutcome<ChangesView>();
        }

        var history = await assessments.HistoryAsync(spaceId, ct);
        if (history is null)
        {
            return Outcome<ChangesView>.NotFound();
        }

        var both = history.Shared.OrderBy(r => r.Round).ToList();
        var rounds = both.Select(r => r.Round).ToList();
        var later = to is { } toRound ? both.FirstOrDefault(r => r.Round == toRound) : both.LastOrDefault();
        var earlier = from is { } fromRound
            ? both.FirstOrDefault(r => r.Round == fromRound)
            : later is null ? null : both.LastOrDefault(r => r.Round < later.Round);
        var thresholdPercent = Math.Round(RoundChange.PopulationThreshold / 6 * 100, 1);
        var why = text["Why", Show(thresholdPercent), Show(Math.Round(RoundChange.PopulationThreshold, 1))];
        if (earlier is null || later is null || earlier.Round >= later.Round)
        {
            return Outcome<ChangesView>.Ok(new ChangesView(false, null, null, pair.OtherName, rounds, thresholdPercent, why, []));
        }

        var shared = earlier.Shared.Intersect(later.Shared).ToList();
        var result = RoundChange.Compare(earlier.Mine, later.Mine, earlier.Theirs, later.Theirs, shared);
        var dimensions = result.Dimensions
            .Select(d => new DimensionChangeView(
                d.Dimension.WireName(),
                dimensionWords.Title(d.Dimension),
                Person(d.First, earlier.Mine.For(d.Dimension), later.Mine.For(d.Dimension), "You", pair.OtherName ?? ""),
                Person(d.Second, earlier.Theirs.For(d.Dimension), later.Theirs.For(d.Dimension), "Them", pair.OtherName ?? "")))
            .ToList();
        return Outcome<ChangesView>.Ok(new ChangesView(true, earlier.Round, later.Round, pair.OtherName, rounds, thresholdPercent, why, dimensions));
    }

    private PersonChangeView Person(PersonRoundChange change, DimensionResult before, DimensionResult after, string who, string otherName)
    {
        var kind = change.Direction switch
        {
            RoundChangeDirection.ReliablyHigher => ChangeKind.ReliablyHigher,
            RoundChangeDirection.ReliablyLower => ChangeKind.ReliablyLower,
            RoundChangeDirection.Steady => ChangeKind.Steady,
            _ => ChangeKind.NotComparable,
        };
        var b = Rounded(before.Experience.Percent);
        var a = Rounded(after.Experience.Percent);
        double? delta = a is { } x && b is { } y ? x - y : null;
        return new PersonChangeView(b, a, delta, change.Reliable, kind, text[$"Change.{who}.{kind}", otherName]);
    }

    private async Task<RetakeOfferSetting> SettingAsync(Guid spaceId, CancellationToken ct) =>
        await db.Set<RetakeOfferSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.SpaceId == spaceId, ct)
        ?? new RetakeOfferSetting { SpaceId = spaceId };

    /// <summary>The offer from the caller's own rounds only: when they last finished, and whether a round of theirs is open.</summary>
    private async Task<RetakeOfferView> OfferAsync(Guid spaceId, RetakeOfferSetting setting, CancellationToken ct)
    {
        var state = await assessments.GetStateAsync(spaceId, ct);
        var history = await assessments.HistoryAsync(spaceId, ct);
        DateTimeOffset? lastFinished = history?.Mine.Count > 0 ? history.Mine.Max(r => r.CompletedAt) : null;
        var inProgress = state.Value?.Status == AssessmentStatus.InProgress;
        int? interval = setting.Enabled ? setting.Weeks : null;
        var due = RetakeOffer.DueAt(lastFinished, inProgress, interval);
        var offered = RetakeOffer.IsDue(lastFinished, inProgress, interval, clock.GetUtcNow());
        return new RetakeOfferView(offered, setting.Enabled, setting.Weeks, RetakeOffer.MinimumWeeks, RetakeOffer.MaximumWeeks, lastFinished, due);
    }

    private static double? Rounded(double? percent) => percent is { } p ? Math.Round(p) : null;

    private static string Show(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
