using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Practices;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Hearth.Web.Features.TalkThrough;

/// <summary>
/// The talk-through after the weekly check-in (docs/product/assessment-and-insights.md, "The
/// talk-through"): one short agenda once both have checked in, and one small agreement that lands on
/// "our list". It reads the week only through <see cref="CheckInService"/>, so the reveal rule is the
/// check-in's own: before both checked in, nothing of either check-in is here.
/// </summary>
public sealed class TalkThroughService(PairSpaces pairs, CheckInService checkIns, PracticeService practices, IStringLocalizer<TalkThroughText> text)
{
    /// <summary>How many practices are suggested for the agreement.</summary>
    public const int SuggestionCount = 3;

    public async Task<Outcome<TalkThroughView>> GetAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<TalkThroughView>.NotFound();
        }

        var week = await checkIns.GetWeekAsync(spaceId, null, ct);
        if (!week.IsOk)
        {
            return week.As<TalkThroughView>();
        }

        var w = week.Value!;
        var questions = CheckInService.Questions;
        if (w.Yours is not { } yours || w.Theirs is not { Revealed: true, Answers: { } theirs })
        {
            var steps = TalkThroughPlanner.Timeboxes.Select(t => Step(t, [])).ToList();
            return Outcome<TalkThroughView>.Ok(new TalkThroughView(
                false, w.Week, pair.OtherName, questions.GroundRulesTitle, questions.GroundRules,
                TalkThroughPlanner.Timeboxes.Sum(t => t.Minutes), steps, [], null, null, null, []));
        }

        var agenda = TalkThroughPlanner.Plan(Record(yours), Record(theirs));
        var wentWell = agenda.WentWell.Select(m => text[$"WentWell.{m.WireName()}"].Value).ToList();
        IReadOnlyList<string> workOn = agenda.WorkOn is { } one ? [text[$"WorkOn.{one.WireName()}"].Value] : [];
        var planned = agenda.Steps.Select(t => Step(t, t.Step switch
        {
            TalkThroughStep.WentWell => wentWell,
            TalkThroughStep.WorkOn => workOn,
            _ => [],
        })).ToList();
        var suggestions = await SuggestionsAsync(spaceId, agenda.Focus, pair.LivingApart, ct);
        return Outcome<TalkThroughView>.Ok(new TalkThroughView(
            true, w.Week, pair.OtherName, questions.GroundRulesTitle, questions.GroundRules, agenda.TotalMinutes, planned,
            agenda.WentWell.Select(m => m.WireName()).ToList(), agenda.WorkOn?.WireName(), yours.Needs, theirs.Needs, suggestions));
    }

    /// <summary>The agreement: one practice onto "our list", once both have checked in this week.</summary>
    public async Task<Outcome<IReadOnlyList<PracticeView>>> AgreeAsync(Guid spaceId, TalkAgreementInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<IReadOnlyList<PracticeView>>.NotFound();
        }

        if (string.IsNullOrWhiteSpace(input.PracticeId))
        {
            return Outcome<IReadOnlyList<PracticeView>>.Invalid("practiceId", text["ChooseOne"]);
        }

        if (!PracticeCatalog.Default.TryGet(input.PracticeId, out var practice) || !practice.Suits(pair.Kind))
        {
            return Outcome<IReadOnlyList<PracticeView>>.Invalid("practiceId", text["UnknownPractice"]);
        }

        var talk = await GetAsync(spaceId, ct);
        if (!talk.IsOk)
        {
            return talk.As<IReadOnlyList<PracticeView>>();
        }

        if (!talk.Value!.Ready)
        {
            return Outcome<IReadOnlyList<PracticeView>>.Refused(409, text["NotReadyTitle"], text["NotReady"]);
        }

        return await practices.AddAsync(spaceId, practice.Id, ct);
    }

    private TalkStepView Step(TalkThroughTimebox box, IReadOnlyList<string> points)
    {
        var id = box.Step switch
        {
            TalkThroughStep.Appreciations => "appreciations",
            TalkThroughStep.WentWell => "wentWell",
            TalkThroughStep.WorkOn => "workOn",
            TalkThroughStep.Need => "need",
            _ => "agreement",
        };
        return new TalkStepView(id, text[$"Step.{id}.Title"], text[$"Step.{id}.Prompt"], box.Minutes, points);
    }

    private async Task<IReadOnlyList<PracticeView>> SuggestionsAsync(Guid spaceId, Dimension? focus, bool livingApart, CancellationToken ct)
    {
        var list = await practices.BrowseAsync(spaceId, new PracticeFilter(focus?.WireName(), livingApart), ct);
        var all = list.Value?.Practices ?? [];
        if (all.Count == 0 && focus is not null)
        {
            all = (await practices.BrowseAsync(spaceId, new PracticeFilter(null, livingApart), ct)).Value?.Practices ?? [];
        }

        return all.Where(p => !p.OnOurList).Take(SuggestionCount).ToList();
    }

    private static CheckInRecord Record(CheckInAnswersView a) => new(
        default(LocalDate),
        CheckInService.Content.Version,
        a.Satisfaction,
        a.Closeness,
        a.FeltHeard,
        a.PhoneFreeMinutes,
        a.Appreciation,
        a.Repair,
        a.NoTension,
        a.Needs,
        DimensionCatalog.TryParse(a.NeedsDimension, out var d) ? d : null);
}
