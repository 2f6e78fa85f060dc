using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Insights.Simulation;

/// <summary>One member's answers to one weekly check-in (null: left out).</summary>
public sealed record WeekAnswers(int Satisfaction, int Closeness = 5, int FeltHeard = 6, int Minutes = 150, int Appreciation = 3, int? Repair = null)
{
    /// <summary>The check-in body, as the app's form or a client sends it.</summary>
    public object Body() => Repair is { } repair
        ? new { satisfaction = Satisfaction, closeness = Closeness, feltHeard = FeltHeard, phoneFreeMinutes = Minutes, appreciation = Appreciation, repair }
        : new { satisfaction = Satisfaction, closeness = Closeness, feltHeard = FeltHeard, phoneFreeMinutes = Minutes, appreciation = Appreciation, noTension = true };
}

/// <summary>One insight as a member read it in the API.</summary>
public sealed record SeenInsight(string Kind, string Audience, string Message, string Why, bool SuggestsPlan);

/// <summary>What one member read in the API in one week, after both checked in.</summary>
public sealed record SeenWeek(int Week, IReadOnlyList<SeenInsight> Insights, string? PlanOffer, bool ShowCounselling, bool PlanRunning)
{
    public bool Has(string kind) => Insights.Any(i => i.Kind == kind);

    public SeenInsight? First => Insights.Count > 0 ? Insights[0] : null;

    public override string ToString() =>
        $"week {Week}: " + (Insights.Count == 0 ? "(nothing)" : string.Join(" / ", Insights.Select(i => $"[{i.Kind}, {i.Audience}] {i.Message}")))
        + (PlanOffer is { } offer ? $" (plan offered to {offer})" : string.Empty)
        + (PlanRunning ? " (plan running)" : string.Empty);
}

/// <summary>
/// Replays a pair's weekly check-ins through the running app's API, with the test clock moved on a
/// week at a time (<see cref="CheckInDriver.NextWeekAsync"/>), and reads the insights both members
/// see each week. A scenario is a list of weeks: each member's answers and, optionally, something
/// they do that week after checking in (start the reconnect plan when it is offered).
/// </summary>
public sealed class PairSimulation
{
    private readonly HearthFactory factory;
    private readonly List<(SeenWeek Ana, SeenWeek Ben)> weeks = [];
    private bool planStarted;

    private PairSimulation(HearthFactory factory, Person ana, Person ben, Guid spaceId)
    {
        this.factory = factory;
        Ana = ana;
        Ben = ben;
        SpaceId = spaceId;
    }

    public Person Ana { get; }

    public Person Ben { get; }

    public Guid SpaceId { get; }

    /// <summary>Every week so far: what Ana and Ben read.</summary>
    public IReadOnlyList<(SeenWeek Ana, SeenWeek Ben)> Weeks => weeks;

    public static async Task<PairSimulation> StartAsync(HearthFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        return new PairSimulation(factory, ana, ben, spaceId);
    }

    /// <summary>Both check in with the same answers, both read their insights, and the clock moves on a week.</summary>
    public Task<(SeenWeek Ana, SeenWeek Ben)> WeekAsync(WeekAnswers both, bool startPlanWhenOffered = false) => WeekAsync(both, both, startPlanWhenOffered);

    /// <summary>Both check in, both read their insights (when asked, Ana starts a plan the first time one is offered), and the clock moves on a week.</summary>
    public async Task<(SeenWeek Ana, SeenWeek Ben)> WeekAsync(WeekAnswers ana, WeekAnswers ben, bool startPlanWhenOffered = false)
    {
        ArgumentNullException.ThrowIfNull(ana);
        ArgumentNullException.ThrowIfNull(ben);
        if (weeks.Count > 0)
        {
            await CheckInDriver.NextWeekAsync(factory, Ana, Ben);
        }

        await Ana.CheckInOkAsync(SpaceId, ana.Body());
        await Ben.CheckInOkAsync(SpaceId, ben.Body());
        var anaSees = await ReadAsync(Ana);
        if (startPlanWhenOffered && !planStarted && anaSees.PlanOffer is not null)
        {
            planStarted = true;
            await Expect.StatusAsync(HttpStatusCode.Created, await Ana.Http.PostAsJsonAsync($"/api/v1/spaces/{SpaceId}/reconnect-plan", new { weeks = 3 }));
            anaSees = await ReadAsync(Ana);
        }

        var seen = (anaSees, await ReadAsync(Ben));
        weeks.Add(seen);
        return seen;
    }

    /// <summary>Runs the weeks one after another.</summary>
    public async Task RunAsync(IEnumerable<WeekAnswers> answers, bool startPlanWhenOffered = false)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var week in answers)
        {
            await WeekAsync(week, startPlanWhenOffered);
        }
    }

    /// <summary>Week by week, what Ana read (and Ben, where it differs): for assertion messages and the issue note.</summary>
    public string Transcript()
    {
        var text = new StringBuilder();
        foreach (var (ana, ben) in weeks)
        {
            text.AppendLine("Ana " + ana);
            var benLine = ben.ToString();
            if (!string.Equals(benLine, ana.ToString(), StringComparison.Ordinal))
            {
                text.AppendLine("Ben " + benLine);
            }
        }

        return text.ToString();
    }

    /// <summary>Writes the transcript to HEARTH_SIMULATION_TRANSCRIPTS/&lt;name&gt;.txt when that folder is set.</summary>
    public void Keep(string name)
    {
        if (Environment.GetEnvironmentVariable("HEARTH_SIMULATION_TRANSCRIPTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".txt"), Transcript());
        }
    }

    private async Task<SeenWeek> ReadAsync(Person person)
    {
        var json = await person.GetJsonAsync($"/api/v1/spaces/{SpaceId}/insights");
        var insights = json.GetProperty("insights").EnumerateArray().Select(i => new SeenInsight(
            i.GetProperty("kind").GetString()!,
            i.GetProperty("audience").GetString()!,
            i.GetProperty("message").GetString()!,
            i.GetProperty("why").GetString()!,
            i.GetProperty("suggestsReconnectPlan").GetBoolean())).ToList();
        var plan = json.GetProperty("plan");
        return new SeenWeek(
            weeks.Count + 1,
            insights,
            json.GetProperty("planOffer").ValueKind == JsonValueKind.String ? json.GetProperty("planOffer").GetString() : null,
            json.GetProperty("showCounselling").GetBoolean(),
            plan.ValueKind == JsonValueKind.Object && !plan.GetProperty("finished").GetBoolean());
    }
}
