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

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// The closeness assessment: start a round, save answers section by section (save and resume),
/// finish, see your own results at once, see the closeness map once both have finished the same
/// round. Everything here reads only the caller's own answers, except the map, which reads the
/// dimensions both chose to share and only when both finished.
/// </summary>
public sealed class AssessmentService(HearthDbContext db, CurrentMember current, FieldCipher cipher, TimeProvider clock)
{
    public const string ShareStep = "share";
    private const string Table = "AssessmentResponses";
    private const string Column = "Answers";
    private const int PreferNotToSayCode = -1;
    private const int NotRelevantCode = -2;

    public static AssessmentContent Content => AssessmentContent.Baseline;

    /// <summary>The member's steps: the sections they see (sexual only with opt-in), then the sharing choice.</summary>
    public static IReadOnlyList<string> StepsFor(RelationshipKind kind, bool sexualOptIn) =>
        Content.ItemsFor(kind, sexualOptIn)
            .Where(i => !i.Item.IsSafety)
            .Select(i => i.Item.Section.WireName())
            .Distinct()
            .Append(ShareStep)
            .ToList();

    public static IReadOnlyList<AssessmentSectionView> SectionsFor(RelationshipKind kind, bool sexualOptIn, bool includeSafety = false) =>
        Content.ItemsFor(kind, sexualOptIn)
            .Where(i => includeSafety || !i.Item.IsSafety)
            .GroupBy(i => i.Item.Section)
            .Select(g =>
            {
                var info = Content.SectionInfo(g.Key);
                return new AssessmentSectionView(g.Key.WireName(), info.Title, info.Intro, g.Select(View).ToList());
            })
            .ToList();

    public static AssessmentSectionView SafetySection(RelationshipKind kind) =>
        SectionsFor(kind, sexualOptIn: false, includeSafety: true).Single(s => s.Id == AssessmentSection.Safety.WireName());

    public async Task<Outcome<AssessmentState>> GetStateAsync(Guid spaceId, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentState>.NotFound();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        return Outcome<AssessmentState>.Ok(await StateAsync(space.Kind, mine, ct));
    }

    public async Task<Outcome<AssessmentState>> StartAsync(Guid spaceId, StartInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentState>.NotFound();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        if (open is not null)
        {
            return Outcome<AssessmentState>.Refused(409, "Already started", "You already have a round in progress here. Carry on where you left off.");
        }

        var optIn = space.Kind == RelationshipKind.Romantic && input.SexualOptIn == true;
        var me = current.RequireUserId();
        var response = new AssessmentResponse
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            UserId = me,
            Round = mine.Count + 1,
            ContentVersion = Content.Version,
            Kind = space.Kind,
            SexualOptIn = optIn,
            StartedAt = clock.GetUtcNow(),
            CurrentSection = StepsFor(space.Kind, optIn)[0],
            SharedDimensions = AllDimensionsMask,
            ShareCareWays = true,
        };
        db.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // Two starts at once: the unique (space, member, round) index lets one through.
            return Outcome<AssessmentState>.Refused(409, "Already started", "You already have a round in progress here. Carry on where you left off.");
        }

        mine.Add(response);
        return Outcome<AssessmentState>.Ok(await StateAsync(space.Kind, mine, ct));
    }

    /// <summary>Saves some answers of the round in progress (merging with earlier ones). All or nothing.</summary>
    public async Task<Outcome<AssessmentState>> SaveAnswersAsync(Guid spaceId, SaveAnswersInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentState>.NotFound();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        if (open is null)
        {
            return Outcome<AssessmentState>.Refused(409, "No round in progress", "Start a round first. Your finished rounds stay as they are.");
        }

        var errors = new FieldErrors();
        var parsed = ParseAnswers(input.Answers, errors);
        var steps = StepsFor(open.Kind, open.SexualOptIn);
        if (input.NextSection is not null && !steps.Contains(input.NextSection))
        {
            errors.Add("nextSection", "That is not one of the steps of this assessment.");
        }

        if (!errors.Any)
        {
            foreach (var (id, answer) in parsed)
            {
                if (Content.TryGetItem(id, out var item) && item.IsSafety)
                {
                    errors.Add($"answers.{id}", "Safety questions are answered on their own private page and are never stored.");
                }
            }

            var check = new AssessmentAnswers(open.Kind, open.SexualOptIn, parsed);
            foreach (var error in AssessmentAnswers.Validate(Content, check))
            {
                errors.Add($"answers.{error.ItemId}", error.Message);
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<AssessmentState>();
        }

        var merged = new Dictionary<string, Answer>(await DecryptAsync(open, ct), StringComparer.Ordinal);
        foreach (var (id, answer) in parsed)
        {
            if (answer.Kind == AnswerKind.Skipped)
            {
                merged.Remove(id);
            }
            else
            {
                merged[id] = answer;
            }
        }

        open.AnswersCiphertext = await EncryptAsync(open, merged, ct);
        if (input.NextSection is not null)
        {
            open.CurrentSection = input.NextSection;
        }

        await db.SaveChangesAsync(ct);
        return Outcome<AssessmentState>.Ok(await StateAsync(space.Kind, mine, ct));
    }

    /// <summary>Finishes the round in progress with the member's sharing choices. Finishing twice is refused.</summary>
    public async Task<Outcome<AssessmentResultView>> CompleteAsync(Guid spaceId, CompleteInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentResultView>.NotFound();
        }

        var errors = new FieldErrors();
        var mask = 0;
        foreach (var name in input.Share ?? DimensionCatalog.All.Select(d => d.WireName()).ToList())
        {
            if (DimensionCatalog.TryParse(name, out var dimension))
            {
                mask |= Bit(dimension);
            }
            else
            {
                errors.Add("share", $"'{name}' is not one of the five kinds of closeness (emotional, physical, intellectual, spiritual, experiential).");
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<AssessmentResultView>();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        if (open is null)
        {
            return Outcome<AssessmentResultView>.Refused(409, "Already finished", "This round is already finished. You can start a new round whenever you like.");
        }

        // Claim the finish atomically, so a double click finishes once.
        var now = clock.GetUtcNow();
        var claimed = await db.Set<AssessmentResponse>()
            .Where(r => r.Id == open.Id && r.CompletedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.SharedDimensions, mask)
                    .SetProperty(r => r.ShareCareWays, input.ShareCareWays ?? true)
                    .SetProperty(r => r.CurrentSection, (string?)null),
                ct);
        if (claimed != 1)
        {
            return Outcome<AssessmentResultView>.Refused(409, "Already finished", "This round is already finished. You can start a new round whenever you like.");
        }

        // The update went straight to the database; the tracked copy is stale, so read afresh.
        db.Entry(open).State = EntityState.Detached;
        return await GetResultAsync(spaceId, open.Round, ct);
    }

    /// <summary>The member's own result for one of their finished rounds (the latest by default).</summary>
    public async Task<Outcome<AssessmentResultView>> GetResultAsync(Guid spaceId, int? round, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentResultView>.NotFound();
        }

        var done = (await MyResponsesAsync(spaceId, ct, tracking: false)).Where(r => r.CompletedAt is not null).ToList();
        var response = round is { } n ? done.FirstOrDefault(r => r.Round == n) : done.LastOrDefault();
        if (response is null)
        {
            return Outcome<AssessmentResultView>.NotFound();
        }

        var result = AssessmentScorer.Score(Content, new AssessmentAnswers(response.Kind, response.SexualOptIn, await DecryptAsync(response, ct)));
        return Outcome<AssessmentResultView>.Ok(AssessmentResultView.From(response.Round, response.CompletedAt!.Value, result, done.Select(r => new RoundSummary(r.Round, r.CompletedAt!.Value)).ToList()));
    }

    /// <summary>
    /// The closeness map of the latest round both members finished. Before that: "waiting", and
    /// nothing about the other member's progress (docs/privacy.md).
    /// </summary>
    public async Task<Outcome<ClosenessMapView>> GetMapAsync(Guid spaceId, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<ClosenessMapView>.NotFound();
        }

        var me = current.RequireUserId();
        var finished = await db.Set<AssessmentResponse>().AsNoTracking()
            .Where(r => r.SpaceId == spaceId && r.CompletedAt != null)
            .ToListAsync(ct);
        var other = space.OtherUserId;
        var myRounds = finished.Where(r => r.UserId == me).ToDictionary(r => r.Round);
        var pair = other is null
            ? null
            : finished.Where(r => r.UserId == other && myRounds.ContainsKey(r.Round)).OrderByDescending(r => r.Round).FirstOrDefault();
        if (pair is null)
        {
            return Outcome<ClosenessMapView>.Ok(ClosenessMapView.Waiting(other is null));
        }

        var mine = myRounds[pair.Round];
        var myResult = AssessmentScorer.Score(Content, new AssessmentAnswers(mine.Kind, mine.SexualOptIn, await DecryptAsync(mine, ct)));
        var theirResult = AssessmentScorer.Score(Content, new AssessmentAnswers(pair.Kind, pair.SexualOptIn, await DecryptAsync(pair, ct)));
        var shared = DimensionCatalog.All.Where(d => (mine.SharedDimensions & pair.SharedDimensions & Bit(d)) != 0).ToList();
        var map = ClosenessMap.Compare(myResult, theirResult, shared);
        return Outcome<ClosenessMapView>.Ok(ClosenessMapView.For(pair.Round, space.OtherName ?? "", myResult, theirResult, shared, map));
    }

    /// <summary>
    /// Finished rounds for check-in trends and insights: the caller's own rounds, and, for rounds
    /// both members finished, both results with the dimensions both chose to share in that round.
    /// The other member's result is only ever used for those shared dimensions. Null when the caller
    /// may not see the space.
    /// </summary>
    public async Task<AssessmentHistory?> HistoryAsync(Guid spaceId, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return null;
        }

        var me = current.RequireUserId();
        var finished = await db.Set<AssessmentResponse>().AsNoTracking()
            .Where(r => r.SpaceId == spaceId && r.CompletedAt != null && (r.UserId == me || r.UserId == space.OtherUserId))
            .OrderBy(r => r.Round)
            .ToListAsync(ct);
        var mine = new List<ScoredRound>();
        var shared = new List<SharedAssessmentRound>();
        foreach (var response in finished.Where(r => r.UserId == me))
        {
            var result = AssessmentScorer.Score(Content, new AssessmentAnswers(response.Kind, response.SexualOptIn, await DecryptAsync(response, ct)));
            mine.Add(new ScoredRound(response.Round, response.CompletedAt!.Value, result));
            var theirs = finished.FirstOrDefault(r => r.UserId != me && r.Round == response.Round);
            if (theirs is not null)
            {
                var theirResult = AssessmentScorer.Score(Content, new AssessmentAnswers(theirs.Kind, theirs.SexualOptIn, await DecryptAsync(theirs, ct)));
                var dimensions = DimensionCatalog.All.Where(d => (response.SharedDimensions & theirs.SharedDimensions & Bit(d)) != 0).ToList();
                var completed = response.CompletedAt!.Value > theirs.CompletedAt!.Value ? response.CompletedAt.Value : theirs.CompletedAt.Value;
                shared.Add(new SharedAssessmentRound(response.Round, completed, result, theirResult, dimensions));
            }
        }

        return new AssessmentHistory(mine, shared);
    }

    /// <summary>
    /// The ways of receiving care that mean a lot (4 or 5 of 5) to the other member, for notes and
    /// gestures. Only when they chose to share them, and only for a round you have both finished
    /// (mutual reveal, like the map). Otherwise nothing, and nothing says why.
    /// </summary>
    public async Task<IReadOnlyList<CareWay>> OtherPersonsValuedCareWaysAsync(Guid spaceId, CancellationToken ct = default)
    {
        const int MeansALot = 4;
        var space = await MySpaceAsync(spaceId, ct);
        if (space?.OtherUserId is not { } other)
        {
            return [];
        }

        var me = current.RequireUserId();
        var finished = await db.Set<AssessmentResponse>().AsNoTracking()
            .Where(r => r.SpaceId == spaceId && r.CompletedAt != null && (r.UserId == me || r.UserId == other))
            .ToListAsync(ct);
        var myRounds = finished.Where(r => r.UserId == me).Select(r => r.Round).ToHashSet();
        var theirs = finished.Where(r => r.UserId == other && myRounds.Contains(r.Round)).OrderByDescending(r => r.Round).FirstOrDefault();
        if (theirs is null || !theirs.ShareCareWays)
        {
            return [];
        }

        var result = AssessmentScorer.Score(Content, new AssessmentAnswers(theirs.Kind, theirs.SexualOptIn, await DecryptAsync(theirs, ct)));
        return result.CareWays.Where(c => c.Rating >= MeansALot).Select(c => c.Way).ToList();
    }

    /// <summary>
    /// The private safety check: answers are looked at once and never stored, logged or counted.
    /// The answer says only whether to show the member the support resources.
    /// </summary>
    public async Task<Outcome<SafetyCheckResult>> CheckSafetyAsync(Guid spaceId, SafetyCheckInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<SafetyCheckResult>.NotFound();
        }

        var errors = new FieldErrors();
        var parsed = ParseAnswers(input.Answers, errors);
        foreach (var id in parsed.Keys)
        {
            if (!Content.TryGetItem(id, out var item) || !item.IsSafety)
            {
                errors.Add($"answers.{id}", "Only the private safety questions are answered here.");
            }
            else if (parsed[id] is { Kind: AnswerKind.Value } answer && !item.Scale.Contains(answer.Value))
            {
                errors.Add($"answers.{id}", "Please answer yes or no, or leave it.");
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<SafetyCheckResult>();
        }

        var endorsed = SafetyCheck.AnyEndorsed(Content, new AssessmentAnswers(space.Kind, false, parsed));
        return Outcome<SafetyCheckResult>.Ok(new SafetyCheckResult(endorsed));
    }

    /// <summary>Reads "5", 5, "preferNotToSay", "notRelevant" or "" (skip) for each item id.</summary>
    internal static Dictionary<string, Answer> ParseAnswers(IReadOnlyDictionary<string, JsonElement>? raw, FieldErrors errors)
    {
        var parsed = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (raw is null)
        {
            errors.Add("answers", "Please send the answers as an object of question ids and values.");
            return parsed;
        }

        if (raw.Count > 100)
        {
            errors.Add("answers", "That is more answers than the assessment has questions.");
            return parsed;
        }

        foreach (var (id, value) in raw)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => "",
                _ => null,
            };
            if (text is null || !TryParseAnswer(text, out var answer))
            {
                errors.Add($"answers.{id}", "An answer is a number on the question's scale, \"preferNotToSay\", \"notRelevant\", or empty to skip.");
                continue;
            }

            parsed[id] = answer;
        }

        return parsed;
    }

    internal static bool TryParseAnswer(string text, out Answer answer)
    {
        answer = Answer.Skipped;
        switch (text)
        {
            case "":
                return true;
            case "preferNotToSay":
                answer = Answer.PreferNotToSay;
                return true;
            case "notRelevant":
                answer = Answer.NotRelevant;
                return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            answer = Answer.Of(value);
            return true;
        }

        return false;
    }

    internal static string WireAnswer(Answer answer) => answer.Kind switch
    {
        AnswerKind.PreferNotToSay => "preferNotToSay",
        AnswerKind.NotRelevant => "notRelevant",
        AnswerKind.Value => answer.Value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    private static int AllDimensionsMask => DimensionCatalog.All.Aggregate(0, (m, d) => m | Bit(d));

    private static int Bit(Dimension dimension) => 1 << (int)dimension;

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

    private async Task<AssessmentState> StateAsync(RelationshipKind kind, List<AssessmentResponse> mine, CancellationToken ct)
    {
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        var completed = mine.Count(r => r.CompletedAt is not null);
        var optIn = open?.SexualOptIn ?? false;
        var answers = open is null
            ? new Dictionary<string, string>()
            : (await DecryptAsync(open, ct)).ToDictionary(kv => kv.Key, kv => WireAnswer(kv.Value), StringComparer.Ordinal);
        return new AssessmentState(
            Content.Version,
            kind.WireName(),
            open?.Round ?? completed,
            open is not null ? AssessmentStatus.InProgress : completed > 0 ? AssessmentStatus.Completed : AssessmentStatus.NotStarted,
            completed,
            kind == RelationshipKind.Romantic,
            optIn,
            open?.CurrentSection,
            StepsFor(kind, optIn),
            answers);
    }

    private async Task<Dictionary<string, Answer>> DecryptAsync(AssessmentResponse response, CancellationToken ct)
    {
        var json = await cipher.DecryptAsync(response.AnswersCiphertext, Context(response), ct);
        return ReadStoredAnswers(json);
    }

    /// <summary>The stored (decrypted) answers document: item id -> value, -1 prefer not to say, -2 not relevant. Also used by the data export.</summary>
    internal static Dictionary<string, Answer> ReadStoredAnswers(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, Answer>(StringComparer.Ordinal);
        }

        var codes = JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        return codes.ToDictionary(
            kv => kv.Key,
            kv => kv.Value switch
            {
                PreferNotToSayCode => Answer.PreferNotToSay,
                NotRelevantCode => Answer.NotRelevant,
                var v => Answer.Of(v),
            },
            StringComparer.Ordinal);
    }

    private Task<byte[]> EncryptAsync(AssessmentResponse response, Dictionary<string, Answer> answers, CancellationToken ct) =>
        cipher.EncryptAsync(StoredAnswers(answers), Context(response), ct);

    /// <summary>The answers document as stored (before encryption). Also used by the data import.</summary>
    internal static string StoredAnswers(IReadOnlyDictionary<string, Answer> answers)
    {
        var codes = answers.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Kind switch
            {
                AnswerKind.PreferNotToSay => PreferNotToSayCode,
                AnswerKind.NotRelevant => NotRelevantCode,
                _ => kv.Value.Value,
            },
            StringComparer.Ordinal);
        return JsonSerializer.Serialize(codes);
    }

    internal const string AnswersTable = Table;

    internal const string AnswersColumn = Column;

    internal static int DimensionsMask(IEnumerable<Dimension> dimensions) => dimensions.Aggregate(0, (m, d) => m | Bit(d));

    private static CipherContext Context(AssessmentResponse response) => new(Table, Column, response.Id, response.UserId);

    private Task<List<AssessmentResponse>> MyResponsesAsync(Guid spaceId, CancellationToken ct, bool tracking = true)
    {
        var me = current.RequireUserId();
        var query = db.Set<AssessmentResponse>().Where(r => r.SpaceId == spaceId && r.UserId == me);
        return (tracking ? query : query.AsNoTracking()).OrderBy(r => r.Round).ToListAsync(ct);
    }

    /// <summary>The space, if the caller is an active member and it is open (the query filter already says so).</summary>
    private async Task<MySpace?> MySpaceAsync(Guid spaceId, CancellationToken ct)
    {
        var me = current.RequireUserId();
        var space = await db.Spaces
            .Where(s => s.Id == spaceId && s.ClosedAt == null && s.Memberships.Any(m => m.UserId == me && m.LeftAt == null))
            .Select(s => new
            {
                s.Kind,
                Other = s.Memberships.Where(m => m.UserId != me && m.LeftAt == null).Select(m => new { m.UserId, m.User!.DisplayName }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return space is null ? null : new MySpace(space.Kind, space.Other?.UserId, space.Other?.DisplayName);
    }

    private sealed record MySpace(RelationshipKind Kind, Guid? OtherUserId, string? OtherName);
}
