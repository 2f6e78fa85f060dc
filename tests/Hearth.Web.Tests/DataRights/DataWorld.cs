using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Features.Insights;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// Two people who have used every feature that stores something, with a marker in every piece of
/// free text, so tests can see exactly where each piece ends up. Ana also has a solo space and a
/// space she left. Ben answered a second day's question that Ana skipped (never revealed to her),
/// and has a private memory and a private label (never hers to see). Both checked in one week (revealed
/// to each other); the next week only Ben did (never revealed to Ana). Ben's private reconnect plan is
/// never hers either.
/// </summary>
public sealed record DataWorld(Person Ana, Person Ben, Guid Paired, Guid Solo, Guid Left, string Marker)
{
    /// <summary>Every piece of free text Hearth stores today, as written in this world (the canary scan counts them).</summary>
    public IReadOnlyList<string> FreeText =>
    [
        M("label-ana"), M("label-ben"), M("label-solo"), M("label-left"),
        M("prompt-ana-1"), M("prompt-ben-1"), M("prompt-ben-2-unrevealed"),
        M("note-ana"), M("note-ben"),
        M("memory-ana-private-title"), M("memory-ana-private-text"), M("memory-ana-shared-title"), M("memory-ana-shared-text"),
        M("memory-ben-private-title"), M("memory-ben-private-text"), M("memory-ben-shared-title"), M("memory-ben-shared-text"),
        M("checkin-ana-1"), M("checkin-ben-1"), M("checkin-ben-2-unrevealed"),
    ];

    /// <summary>Ben's text Ana must never receive in any form.</summary>
    public IReadOnlyList<string> NeverForAna => [M("label-ben"), M("prompt-ben-2-unrevealed"), M("memory-ben-private-title"), M("memory-ben-private-text"), M("checkin-ben-2-unrevealed")];

    public string M(string what) => $"{Marker}-{what}";

    public static async Task<DataWorld> CreateAsync(HearthFactory factory, string marker)
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var world = new DataWorld(ana, ben, Guid.Empty, Guid.Empty, Guid.Empty, marker);
        var paired = await ana.CreateSpaceAsync("romantic", label: world.M("label-ana"));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(await ana.InviteAsync(paired)));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{paired}/label", new { label = world.M("label-ben") }));
        var solo = await ana.CreateSpaceAsync("friends", label: world.M("label-solo"));
        var left = await ana.CreateSpaceAsync("family", label: world.M("label-left"));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.LeaveAsync(left));

        await ana.TakeAsync(paired, AssessmentDriver.Uniform(4, importance: 6), share: ["emotional", "intellectual"]);
        await ben.TakeAsync(paired, AssessmentDriver.Uniform(5, importance: 5));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{paired}/settings", new { livingApart = true }));

        // Day one: both answer (revealed to each other).
        var day1 = (await ana.GetJsonAsync($"/api/v1/spaces/{paired}/prompt/today")).GetProperty("date").GetString();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/prompt/days/{day1}/answer", new { text = world.M("prompt-ana-1") }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/prompt/days/{day1}/answer", new { text = world.M("prompt-ben-1") }));

        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/notes", new { kind = "appreciation", text = world.M("note-ana"), careWay = "acts" }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/notes", new { kind = "thinking-of-you", text = world.M("note-ben") }));
        foreach (var (who, name, shared) in new[] { (ana, "ana", false), (ana, "ana", true), (ben, "ben", false), (ben, "ben", true) })
        {
            var which = shared ? "shared" : "private";
            await Expect.StatusAsync(HttpStatusCode.Created, await who.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/memories", new
            {
                date = "2025-05-17",
                kind = "first",
                title = world.M($"memory-{name}-{which}-title"),
                text = world.M($"memory-{name}-{which}-text"),
                shared,
            }));
        }

        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/quality-time/entries", new { minutes = 30 }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/quality-time/entries", new { minutes = 15 }));
        var practices = (await ana.GetJsonAsync($"/api/v1/spaces/{paired}/practices")).GetProperty("practices").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsync(new Uri($"/api/v1/spaces/{paired}/practices/ours/{practices[0]}", UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsync(new Uri($"/api/v1/spaces/{paired}/practices/ours/{practices[1]}", UriKind.Relative), null));

        // Day two: Ana skips, Ben answers: never revealed to Ana.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await ana.SignInAsync();
        await ben.SignInAsync();
        var day2 = (await ana.GetJsonAsync($"/api/v1/spaces/{paired}/prompt/today")).GetProperty("date").GetString();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri($"/api/v1/spaces/{paired}/prompt/days/{day2}/skip", UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/prompt/days/{day2}/answer", new { text = world.M("prompt-ben-2-unrevealed") }));

        // The weekly ritual (the pair's), each one's waking hours, and a week both checked in (revealed
        // to each other). Ana also answers the private safety pulse "yes": it is never stored, so no
        // trace of it may reach any export.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{paired}/ritual", new { day = "sunday", time = "19:30", timeZoneId = "Europe/Lisbon" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{paired}/ritual/waking-hours", new { from = "07:30", to = "23:00" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{paired}/ritual/waking-hours", new { from = "09:00", to = "21:30" }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/check-in", new
        {
            satisfaction = 8, closeness = 5, feltHeard = 6, phoneFreeMinutes = 240, appreciation = 5, noTension = true,
            needs = world.M("checkin-ana-1"), needsDimension = "experiential",
            safetyPulse = new Dictionary<string, bool?> { ["pulse.afraid"] = true, ["pulse.controlled"] = false },
        }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/check-in", new { satisfaction = 7, repair = 4, needs = world.M("checkin-ben-1") }));

        // Next week only Ben checks in: never revealed to Ana.
        factory.Clock.Advance(TimeSpan.FromDays(7));
        await ana.SignInAsync();
        await ben.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/check-in", new { satisfaction = 3, needs = world.M("checkin-ben-2-unrevealed") }));

        // Reconnect plans: one the pair shares, and one private to each of them. A plan is offered only
        // after weeks of check-ins drifting apart (CheckInJourneyTests walks that path), so they are put
        // in directly, as the feature stores them.
        var anaId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var benId = (await ben.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var counsellorId = (await (await Person.RegisterAsync(factory, "Cleo")).GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        await factory.WithDbAsync(async db =>
        {
            var started = factory.Clock.GetUtcNow();
            db.Add(new ReconnectPlanRecord { Id = Guid.CreateVersion7(), SpaceId = paired, OwnerUserId = null, StartWeek = new DateOnly(2026, 5, 31), Weeks = 3, DoneSteps = "reconnect.honest-talk reconnect.device-free-time.week-1", StartedAt = started });
            db.Add(new ReconnectPlanRecord { Id = Guid.CreateVersion7(), SpaceId = paired, OwnerUserId = anaId, StartWeek = new DateOnly(2026, 5, 24), Weeks = 2, DoneSteps = "reconnect.small-affection", StartedAt = started.AddDays(-7) });
            db.Add(new ReconnectPlanRecord { Id = Guid.CreateVersion7(), SpaceId = paired, OwnerUserId = benId, StartWeek = new DateOnly(2026, 5, 17), Weeks = 4, DoneSteps = "", StartedAt = started.AddDays(-14) });

            // Saved for a counsellor and "this doesn't fit us": ids only, each member's own. Their map
            // (50 and 67, alike) has nothing to save from, so they are put in as the features store them.
            db.Add(new Hearth.Web.Features.Debriefs.DebriefSavedItem { Id = Guid.CreateVersion7(), SpaceId = paired, UserId = anaId, ItemId = "debrief.q.emotional.deep", SavedAt = started });
            db.Add(new Hearth.Web.Features.Debriefs.DebriefSavedItem { Id = Guid.CreateVersion7(), SpaceId = paired, UserId = benId, ItemId = "practice.letter", SavedAt = started });
            db.Add(new InsightNotFitting { Id = Guid.CreateVersion7(), SpaceId = paired, UserId = anaId, InsightKey = "growthArea.you.experiential.none", MarkedAt = started });
            var grant = new Hearth.Web.Features.Counsellors.CounsellorGrant { Id = Guid.CreateVersion7(), SpaceId = paired, CounsellorUserId = counsellorId, CreatedAt = started, ActivatedAt = started, ExpiresAt = started.AddDays(30) };
            db.Add(grant);
            db.Add(new Hearth.Web.Features.Counsellors.CounsellorConsent { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = paired, UserId = anaId, Scopes = Hearth.Web.Features.Counsellors.CounsellorScopes.Map | Hearth.Web.Features.Counsellors.CounsellorScopes.Trends, Days = 30, ConsentedAt = started });
            db.Add(new Hearth.Web.Features.Counsellors.CounsellorConsent { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = paired, UserId = benId, Scopes = Hearth.Web.Features.Counsellors.CounsellorScopes.Map, Days = 60, ConsentedAt = started });
            db.Add(new Hearth.Web.Features.Counsellors.CounsellorLook { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = paired, At = started, Scopes = Hearth.Web.Features.Counsellors.CounsellorScopes.Map });

            // A practice the counsellor suggested (no note: the note's encryption has its own tests), put away by Ana.
            var suggestion = new Hearth.Web.Features.Counsellors.CounsellorSuggestion { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = paired, CounsellorUserId = counsellorId, PracticeId = "practice.walk-and-talk", SuggestedAt = started };
            db.Add(suggestion);
            db.Add(new Hearth.Web.Features.Counsellors.CounsellorSuggestionDismissal { Id = Guid.CreateVersion7(), SuggestionId = suggestion.Id, SpaceId = paired, UserId = anaId, DismissedAt = started });
            return await db.SaveChangesAsync();
        });
        return world with { Paired = paired, Solo = solo, Left = left };
    }

    public static async Task<(HttpResponseMessage Response, string Body, JsonElement Json)> ExportAsync(Person person)
    {
        var response = await person.Http.GetAsync(new Uri("/api/v1/account/export", UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, JsonDocument.Parse(body).RootElement.Clone());
    }
}
