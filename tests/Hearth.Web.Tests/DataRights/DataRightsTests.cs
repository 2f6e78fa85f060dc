using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.DataRights;

/// <summary>Export, import and account deletion through the API, on SQLite and PostgreSQL.</summary>
[Slow("exports, imports and deletes whole worlds of data")]
public abstract class DataRightsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, new()
{
    [Fact]
    public async Task The_export_holds_everything_you_gave_and_only_what_the_other_person_revealed()
    {
        factory.RequireAvailable();
        var world = await DataWorld.CreateAsync(factory, "EXP" + Guid.NewGuid().ToString("N")[..6]);
        var (response, body, doc) = await DataWorld.ExportAsync(world.Ana);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("hearth-export", doc.GetProperty("format").GetString());
        Assert.Equal(1, doc.GetProperty("version").GetInt32());
        Assert.Equal(world.Ana.Email, doc.GetProperty("account").GetProperty("email").GetString());
        Assert.True(ExportDigest.Verify(doc));

        var spaces = doc.GetProperty("spaces").EnumerateArray().ToList();
        Assert.Equal(["family/left", "friends/solo", "romantic/paired"], spaces.Select(s => $"{s.GetProperty("kind").GetString()}/{s.GetProperty("state").GetString()}").Order().ToList());
        var paired = spaces.Single(s => s.GetProperty("state").GetString() == "paired");
        Assert.Equal(world.M("label-ana"), paired.GetProperty("label").GetString());
        Assert.True(paired.GetProperty("settings").GetProperty("livingApart").GetBoolean());
        var mine = paired.GetProperty("mine");
        var round = Assert.Single(mine.GetProperty("assessmentRounds").EnumerateArray());
        Assert.Equal(["emotional", "intellectual"], round.GetProperty("sharedDimensions").EnumerateArray().Select(d => d.GetString()).ToList());
        Assert.True(round.GetProperty("answers").EnumerateObject().Count() > 20);
        Assert.Equal([false, true], mine.GetProperty("promptAnswers").EnumerateArray().Select(p => p.GetProperty("skipped").GetBoolean()).ToList());
        Assert.Equal(world.M("note-ana"), Assert.Single(mine.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(2, mine.GetProperty("memories").GetArrayLength());
        Assert.Equal(1800, Assert.Single(mine.GetProperty("timeTogether").EnumerateArray()).GetProperty("seconds").GetInt32());
        Assert.Single(mine.GetProperty("practices").EnumerateArray());
        var checkIn = Assert.Single(mine.GetProperty("checkIns").EnumerateArray());
        Assert.Equal(world.M("checkin-ana-1"), checkIn.GetProperty("needs").GetString());
        Assert.Equal("experiential", checkIn.GetProperty("needsDimension").GetString());
        Assert.Equal(8, checkIn.GetProperty("satisfaction").GetInt32());
        Assert.True(checkIn.GetProperty("noTension").GetBoolean());
        Assert.Equal(JsonValueKind.Null, checkIn.GetProperty("repair").ValueKind);
        var ritual = Assert.Single(mine.GetProperty("ritual").EnumerateArray());
        Assert.Equal(("sunday", "19:30", "Europe/Lisbon"), (ritual.GetProperty("day").GetString(), ritual.GetProperty("time").GetString(), ritual.GetProperty("timeZone").GetString()));
        var waking = Assert.Single(mine.GetProperty("wakingHours").EnumerateArray());
        Assert.Equal(("07:30", "23:00"), (waking.GetProperty("from").GetString(), waking.GetProperty("to").GetString()));
        Assert.Equal(
            ["2026-05-24/2/False/reconnect.small-affection", "2026-05-31/3/True/reconnect.honest-talk reconnect.device-free-time.week-1"],
            mine.GetProperty("reconnectPlans").EnumerateArray().Select(Plan).ToList());

        // Nothing about the private safety pulse: it was answered, and it is not stored anywhere.
        foreach (var word in new[] { "safety", "pulse", "afraid", "controlled" })
        {
            Assert.DoesNotContain(word, body, StringComparison.OrdinalIgnoreCase);
        }

        var shared = paired.GetProperty("sharedWithMe");
        Assert.Equal("Ben", shared.GetProperty("otherName").GetString());
        var items = shared.GetProperty("items");
        Assert.False(items.TryGetProperty("assessmentRounds", out _));
        Assert.Equal(world.M("prompt-ben-1"), Assert.Single(items.GetProperty("promptAnswers").EnumerateArray()).GetProperty("answer").GetString());
        Assert.Equal(world.M("note-ben"), Assert.Single(items.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(world.M("memory-ben-shared-title"), Assert.Single(items.GetProperty("memories").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(900, Assert.Single(items.GetProperty("timeTogether").EnumerateArray()).GetProperty("seconds").GetInt32());
        Assert.Single(items.GetProperty("practices").EnumerateArray());
        var theirCheckIn = Assert.Single(items.GetProperty("checkIns").EnumerateArray());
        Assert.Equal(world.M("checkin-ben-1"), theirCheckIn.GetProperty("needs").GetString());
        Assert.Equal(checkIn.GetProperty("week").GetString(), theirCheckIn.GetProperty("week").GetString());
        Assert.False(theirCheckIn.TryGetProperty("submittedAt", out _));
        Assert.Equal("09:00", Assert.Single(items.GetProperty("wakingHours").EnumerateArray()).GetProperty("from").GetString());
        Assert.False(items.TryGetProperty("ritual", out _));
        Assert.False(items.TryGetProperty("reconnectPlans", out _));

        foreach (var never in world.NeverForAna)
        {
            Assert.DoesNotContain(never, body, StringComparison.Ordinal);
        }

        // And the other way round: Ben's export has none of Ana's private things, and no ids at all.
        var (_, benBody, benDoc) = await DataWorld.ExportAsync(world.Ben);
        foreach (var never in new[] { world.M("label-ana"), world.M("label-solo"), world.M("memory-ana-private-title"), world.M("memory-ana-private-text"), world.Ana.Email })
        {
            Assert.DoesNotContain(never, benBody, StringComparison.Ordinal);
        }

        var benPaired = Assert.Single(benDoc.GetProperty("spaces").EnumerateArray());
        Assert.Equal(
            ["2026-05-17/4/False/", "2026-05-31/3/True/reconnect.honest-talk reconnect.device-free-time.week-1"],
            benPaired.GetProperty("mine").GetProperty("reconnectPlans").EnumerateArray().Select(Plan).ToList());
        Assert.Equal(2, benPaired.GetProperty("mine").GetProperty("checkIns").GetArrayLength());
        Assert.Equal(world.M("checkin-ana-1"), Assert.Single(benPaired.GetProperty("sharedWithMe").GetProperty("items").GetProperty("checkIns").EnumerateArray()).GetProperty("needs").GetString());
        foreach (var word in new[] { "safety", "pulse", "afraid", "controlled" })
        {
            Assert.DoesNotContain(word, benBody, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(world.Paired.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", body);
    }

    [Fact]
    public async Task A_real_export_matches_the_published_json_schema()
    {
        factory.RequireAvailable();
        var world = await DataWorld.CreateAsync(factory, "SCH" + Guid.NewGuid().ToString("N")[..6]);
        var schema = MiniJsonSchema.Load(Path.Combine(RepoRoot(), "docs", "export-format.schema.json"));
        foreach (var person in new[] { world.Ana, world.Ben })
        {
            var (_, _, doc) = await DataWorld.ExportAsync(person);
            Assert.Empty(schema.Validate(doc));
        }

        // The checker does catch problems: a wrong type, a missing field, an unknown kind of data, a
        // second ritual for one space and a safety answer slipped into a check-in.
        var (_, body, _) = await DataWorld.ExportAsync(world.Ana);
        var broken = JsonNode.Parse(body)!.AsObject();
        broken["version"] = "1";
        broken["account"]!.AsObject().Remove("email");
        broken["spaces"]![0]!["mine"]!.AsObject()["somethingNew"] = new JsonArray();
        var paired = broken["spaces"]!.AsArray().Single(s => (string?)s!["state"] == "paired")!;
        var rituals = paired["mine"]!["ritual"]!.AsArray();
        rituals.Add(rituals[0]!.DeepClone());
        paired["mine"]!["checkIns"]![0]!["safetyPulse"] = new JsonObject { ["pulse.afraid"] = false };
        var problems = schema.Validate(JsonSerializer.SerializeToElement(broken));
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public async Task Export_then_import_into_a_new_hearth_then_export_gives_the_same_document()
    {
        factory.RequireAvailable();
        var world = await DataWorld.CreateAsync(factory, "RT" + Guid.NewGuid().ToString("N")[..6]);
        var (_, first, _) = await DataWorld.ExportAsync(world.Ana);

        await using var elsewhere = new TFactory();
        elsewhere.Clock.Advance(factory.Clock.GetUtcNow() - HearthFactory.Start);
        var cleo = await Person.RegisterAsync(elsewhere, "Cleo");
        var imported = await cleo.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(first, Encoding.UTF8, "application/json"));
        await Expect.StatusAsync(HttpStatusCode.OK, imported);
        var summary = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, summary.GetProperty("spaces").GetInt32());
        Assert.Equal(8, summary.GetProperty("sharedItemsLeftInFile").GetInt32());

        var (_, second, _) = await DataWorld.ExportAsync(cleo);
        Assert.Equal(Normalise(first, importedSide: false), Normalise(second, importedSide: true));

        // The imported things are usable: the space is Cleo's own, solo, and her memories read back.
        var spaces = await cleo.GetJsonAsync("/api/v1/spaces");
        var romantic = spaces.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "romantic");
        Assert.Equal("solo", romantic.GetProperty("state").GetString());
        var timeline = await cleo.GetJsonAsync($"/api/v1/spaces/{romantic.GetProperty("id").GetGuid()}/memories");
        Assert.Equal([world.M("memory-ana-private-title"), world.M("memory-ana-shared-title")], timeline.GetProperty("memories").EnumerateArray().Select(m => m.GetProperty("title").GetString()).Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(world.M("memory-ben-shared-title"), timeline.GetRawText(), StringComparison.Ordinal);

        // The ritual and her check-in came back too: the week she checked in shows her own answers.
        var romanticId = romantic.GetProperty("id").GetGuid();
        var ritual = await cleo.GetJsonAsync($"/api/v1/spaces/{romanticId}/ritual");
        Assert.Equal(("sunday", "19:30", "Europe/Lisbon"), (ritual.GetProperty("day").GetString(), ritual.GetProperty("time").GetString(), ritual.GetProperty("timeZoneId").GetString()));
        Assert.Equal("07:30", ritual.GetProperty("yourWaking").GetProperty("from").GetString());
        var week = JsonDocument.Parse(first).RootElement.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "paired")
            .GetProperty("mine").GetProperty("checkIns")[0].GetProperty("week").GetString();
        var checkIn = await cleo.GetJsonAsync($"/api/v1/spaces/{romanticId}/check-in/weeks/{week}");
        Assert.Equal(world.M("checkin-ana-1"), checkIn.GetProperty("yours").GetProperty("needs").GetString());

        // Importing twice is refused: the account is no longer new.
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await cleo.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(first, Encoding.UTF8, "application/json")));
    }

    [Fact]
    public async Task An_export_made_before_check_ins_were_in_the_file_still_imports()
    {
        factory.RequireAvailable();
        var world = await DataWorld.CreateAsync(factory, "OLD" + Guid.NewGuid().ToString("N")[..6]);
        var (_, good, _) = await DataWorld.ExportAsync(world.Ana);

        // Version 1 as it was before: no checkIns, ritual, wakingHours or reconnectPlans lists anywhere.
        var node = JsonNode.Parse(good)!.AsObject();
        foreach (var space in node["spaces"]!.AsArray())
        {
            foreach (var part in new[] { space!["mine"]!.AsObject(), space["sharedWithMe"]!["items"]!.AsObject() })
            {
                foreach (var kind in new[] { "checkIns", "ritual", "wakingHours", "reconnectPlans" })
                {
                    part.Remove(kind);
                }
            }
        }

        var older = ExportDigest.Seal(node).ToJsonString();
        Assert.DoesNotContain("checkIns", older, StringComparison.Ordinal);
        var gus = await Person.RegisterAsync(factory, "Gus");
        await Expect.StatusAsync(HttpStatusCode.OK, await gus.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(older, Encoding.UTF8, "application/json")));

        // The rest came in; the new lists are there, empty.
        var (_, after, doc) = await DataWorld.ExportAsync(gus);
        Assert.Contains(world.M("note-ana"), after, StringComparison.Ordinal);
        var romantic = doc.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "romantic").GetProperty("mine");
        foreach (var kind in new[] { "checkIns", "ritual", "wakingHours", "reconnectPlans" })
        {
            Assert.Equal(0, romantic.GetProperty(kind).GetArrayLength());
        }
    }

    [Fact]
    public async Task Import_refuses_malformed_oversized_other_version_tampered_and_invalid_files_and_writes_nothing()
    {
        factory.RequireAvailable();
        var world = await DataWorld.CreateAsync(factory, "BAD" + Guid.NewGuid().ToString("N")[..6]);
        var (_, good, _) = await DataWorld.ExportAsync(world.Ana);
        var dora = await Person.RegisterAsync(factory, "Dora");
        var before = await CountsAsync(dora);

        async Task<JsonElement> Refused(HttpStatusCode status, string body, string contentType = "application/json") =>
            await Expect.ProblemAsync(status, await dora.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType)));

        Assert.Contains("not valid JSON", (await Refused(HttpStatusCode.BadRequest, "{\"format\":")).Detail(), StringComparison.Ordinal);
        Assert.Contains("not a Hearth export", (await Refused(HttpStatusCode.BadRequest, "{\"hello\":1}")).Detail(), StringComparison.Ordinal);
        Assert.Contains("not a Hearth export", (await Refused(HttpStatusCode.BadRequest, "[1,2]")).Detail(), StringComparison.Ordinal);
        Assert.Contains("version 1", (await Refused(HttpStatusCode.BadRequest, good.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal))).Detail(), StringComparison.Ordinal);
        Assert.Contains("changed", (await Refused(HttpStatusCode.BadRequest, good.Replace(world.M("note-ana"), world.M("note-ana") + "!", StringComparison.Ordinal))).Detail(), StringComparison.Ordinal);
        Assert.Contains("changed", (await Refused(HttpStatusCode.BadRequest, good.Replace("\"integrity\"", "\"checksum\"", StringComparison.Ordinal))).Detail(), StringComparison.Ordinal);
        var huge = good.Replace("\"spaces\"", "\"padding\": \"" + new string('x', DataImportService.MaxBytes) + "\", \"spaces\"", StringComparison.Ordinal);
        Assert.Contains("5 MB", (await Refused(HttpStatusCode.RequestEntityTooLarge, huge)).Detail(), StringComparison.Ordinal);
        Assert.Contains("application/json", (await Refused(HttpStatusCode.UnsupportedMediaType, good, "text/plain")).Detail(), StringComparison.Ordinal);

        // Correctly sealed but wrong inside: each problem is named by where it is, and the values are not echoed.
        var node = JsonNode.Parse(good)!.AsObject();
        var pairedIndex = node["spaces"]!.AsArray().Select((s, i) => (s, i)).Single(p => (string?)p.s!["state"] == "paired").i;
        node["spaces"]![pairedIndex]!["kind"] = "spouse";
        node["spaces"]![pairedIndex]!["mine"]!["memories"]![0]!["title"] = new string('t', 500);
        node["spaces"]![pairedIndex]!["mine"]!["notes"]![0]!["kind"] = "love-letter";
        node["spaces"]![pairedIndex]!["mine"]!["mystery"] = new JsonArray();
        node["spaces"]![pairedIndex]!["mine"]!["checkIns"]![0]!["satisfaction"] = 42;
        node["spaces"]![pairedIndex]!["mine"]!["checkIns"]![0]!["needsDimension"] = "cosmic";
        node["spaces"]![pairedIndex]!["mine"]!["ritual"]![0]!["day"] = "someday";
        node["spaces"]![pairedIndex]!["mine"]!["wakingHours"]![0]!["to"] = "07:45";
        node["spaces"]![pairedIndex]!["mine"]!["reconnectPlans"]![0]!["doneSteps"] = new JsonArray("reconnect.somewhere-else");
        var invalid = await Refused(HttpStatusCode.BadRequest, ExportDigest.Seal(node).ToJsonString());
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].kind"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.memories[0].title"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.notes[0].kind"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.mystery"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.checkIns[0].satisfaction"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.checkIns[0].needsDimension"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.ritual[0].day"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.wakingHours[0].to"));
        Assert.NotEmpty(invalid.FieldErrors($"spaces[{pairedIndex}].mine.reconnectPlans[0].doneSteps"));
        foreach (var echoed in new[] { "love-letter", "cosmic", "someday", "somewhere-else" })
        {
            Assert.DoesNotContain(echoed, invalid.GetRawText(), StringComparison.Ordinal);
        }

        // A check-in that tries to bring a safety answer along is refused whole: there is no such field to import.
        var pulse = JsonNode.Parse(good)!.AsObject();
        pulse["spaces"]![pairedIndex]!["mine"]!["checkIns"]![0]!["safetyPulse"] = new JsonObject { ["pulse.afraid"] = true };
        Assert.NotEmpty((await Refused(HttpStatusCode.BadRequest, ExportDigest.Seal(pulse).ToJsonString())).FieldErrors($"spaces[{pairedIndex}].mine.checkIns"));

        // Two check-ins for one week, or two rituals for one space, are refused too.
        var twice = JsonNode.Parse(good)!.AsObject();
        var checkIns = twice["spaces"]![pairedIndex]!["mine"]!["checkIns"]!.AsArray();
        checkIns.Add(checkIns[0]!.DeepClone());
        var rituals = twice["spaces"]![pairedIndex]!["mine"]!["ritual"]!.AsArray();
        rituals.Add(rituals[0]!.DeepClone());
        var doubled = await Refused(HttpStatusCode.BadRequest, ExportDigest.Seal(twice).ToJsonString());
        Assert.NotEmpty(doubled.FieldErrors($"spaces[{pairedIndex}].mine.checkIns[1].week"));
        Assert.NotEmpty(doubled.FieldErrors($"spaces[{pairedIndex}].mine.ritual"));

        // A sealed file with an extra field in an item, or a wrong type, is refused as unreadable.
        var extra = JsonNode.Parse(good)!.AsObject();
        extra["spaces"]![pairedIndex]!["mine"]!["memories"]![0]!["secret"] = world.M("sneaky");
        var unreadable = await Refused(HttpStatusCode.BadRequest, ExportDigest.Seal(extra).ToJsonString());
        Assert.DoesNotContain(world.M("sneaky"), unreadable.GetRawText(), StringComparison.Ordinal);
        var wrongType = JsonNode.Parse(good)!.AsObject();
        wrongType["account"]!["createdAt"] = 12;
        await Refused(HttpStatusCode.BadRequest, ExportDigest.Seal(wrongType).ToJsonString());

        // Cut short anywhere, nested too deep, or the wrong JSON types at the top: always a clear 4xx, never a 500.
        for (var cut = 1; cut < good.Length; cut += Math.Max(1, good.Length / 40))
        {
            var response = await dora.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(good[..cut], Encoding.UTF8, "application/json"));
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        }

        await Refused(HttpStatusCode.BadRequest, new string('[', 200) + new string(']', 200));
        foreach (var top in new[] { "null", "\"hearth-export\"", "42", "{\"format\":\"hearth-export\",\"version\":\"1\"}", "{\"format\":\"hearth-export\",\"version\":1}" })
        {
            await Refused(HttpStatusCode.BadRequest, top);
        }

        // Nothing of any of that was written, and the name Dora chose is still hers.
        Assert.Equal(before, await CountsAsync(dora));
        Assert.Equal("Dora", (await dora.GetJsonAsync("/api/v1/me")).GetProperty("displayName").GetString());

        // Ana already has spaces: importing into her account is refused (only into a new account).
        Assert.Contains("new account", (await Expect.ProblemAsync(HttpStatusCode.Conflict, await world.Ana.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(good, Encoding.UTF8, "application/json")))).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_account_needs_the_passphrase_and_then_removes_everything_the_person_wrote_at_once()
    {
        factory.RequireAvailable();
        var world = await DataWorld.CreateAsync(factory, "DEL" + Guid.NewGuid().ToString("N")[..6]);
        var anaId = (await world.Ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var secondBrowser = factory.NewClient();
        await new Person(factory, secondBrowser, world.Ana.Email, world.Ana.Password, "Ana").SignInAsync();

        // Wrong or missing passphrase: refused, nothing deleted.
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await DeleteAsync(world.Ana, "not my passphrase at all"))).FieldErrors("passphrase"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await DeleteAsync(world.Ana, null))).FieldErrors("passphrase"));
        await world.Ana.GetJsonAsync($"/api/v1/spaces/{world.Paired}");

        var deleted = await DeleteAsync(world.Ana, world.Ana.Password);
        await Expect.StatusAsync(HttpStatusCode.NoContent, deleted);
        Assert.Contains("cookies", deleted.Headers.GetValues("Clear-Site-Data").Single(), StringComparison.Ordinal);

        // Every session ended (this browser and the other one).
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await world.Ana.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await secondBrowser.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await factory.NewClient().PostAsJsonAsync("/api/v1/account/sign-in", new { email = world.Ana.Email, password = world.Ana.Password }));

        // Her rows and her key are gone; her solo and left spaces are gone entirely.
        var left = await factory.WithDbAsync(async db => new
        {
            Users = await db.Users.CountAsync(u => u.Id == anaId),
            Keys = await db.MemberKeys.CountAsync(k => k.UserId == anaId),
            Sessions = await db.UserSessions.CountAsync(s => s.UserId == anaId),
            Memberships = await db.Memberships.All().CountAsync(m => m.UserId == anaId),
            Memories = await db.Set<Features.Memories.Memory>().All().CountAsync(m => m.AuthorUserId == anaId),
            Notes = await db.Set<Features.Notes.Note>().All().CountAsync(n => n.FromUserId == anaId || n.ToUserId == anaId),
            Answers = await db.Set<Features.Prompts.PromptResponse>().All().CountAsync(r => r.UserId == anaId),
            Rounds = await db.Set<Features.Assessments.AssessmentResponse>().All().CountAsync(r => r.UserId == anaId),
            Time = await db.Set<Features.QualityTime.TimeTogether>().All().CountAsync(t => t.LoggedByUserId == anaId),
            Practices = await db.Set<Features.Practices.ChosenPractice>().All().CountAsync(p => p.AddedByUserId == anaId),
            CheckIns = await db.Set<Features.CheckIns.WeeklyCheckIn>().All().CountAsync(c => c.UserId == anaId),
            Waking = await db.Set<Features.Rituals.MemberWakingHours>().All().CountAsync(w => w.UserId == anaId),
            Plans = await db.Set<Features.Insights.ReconnectPlanRecord>().All().CountAsync(p => p.OwnerUserId == anaId),
            Spaces = await db.Spaces.All().CountAsync(s => s.Id == world.Solo || s.Id == world.Left || s.CreatedByUserId == anaId),
        });
        Assert.Equal(new { Users = 0, Keys = 0, Sessions = 0, Memberships = 0, Memories = 0, Notes = 0, Answers = 0, Rounds = 0, Time = 0, Practices = 0, CheckIns = 0, Waking = 0, Plans = 0, Spaces = 0 }, left);

        // Ben sees only the neutral closed notice, and keeps what he wrote; what Ana wrote is gone for him too.
        var space = await world.Ben.GetJsonAsync($"/api/v1/spaces/{world.Paired}");
        Assert.Equal("closed", space.GetProperty("state").GetString());
        Assert.Empty(space.GetProperty("members").EnumerateArray());
        var (_, benBody, benDoc) = await DataWorld.ExportAsync(world.Ben);
        var benSpace = Assert.Single(benDoc.GetProperty("spaces").EnumerateArray());
        Assert.Equal("closed", benSpace.GetProperty("state").GetString());
        Assert.Equal(world.M("label-ben"), benSpace.GetProperty("label").GetString());
        var benMine = benSpace.GetProperty("mine");
        Assert.Equal(world.M("note-ben"), Assert.Single(benMine.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(2, benMine.GetProperty("promptAnswers").GetArrayLength());
        Assert.Equal(2, benMine.GetProperty("memories").GetArrayLength());
        Assert.Single(benMine.GetProperty("assessmentRounds").EnumerateArray());

        // Ben keeps his check-ins, his waking hours, the pair's ritual and plan and his own plan; Ana's revealed check-in and waking hours are gone.
        Assert.Equal(2, benMine.GetProperty("checkIns").GetArrayLength());
        Assert.Single(benMine.GetProperty("wakingHours").EnumerateArray());
        Assert.Single(benMine.GetProperty("ritual").EnumerateArray());
        Assert.Equal([false, true], benMine.GetProperty("reconnectPlans").EnumerateArray().Select(p => p.GetProperty("shared").GetBoolean()).Order().ToList());
        var benShared = benSpace.GetProperty("sharedWithMe").GetProperty("items");
        Assert.Equal(0, benShared.GetProperty("checkIns").GetArrayLength());
        Assert.Equal(0, benShared.GetProperty("wakingHours").GetArrayLength());
        foreach (var gone in new[] { world.M("note-ana"), world.M("memory-ana-shared-title"), world.M("prompt-ana-1"), world.M("checkin-ana-1"), "\"Ana\"" })
        {
            Assert.DoesNotContain(gone, benBody, StringComparison.Ordinal);
        }
    }

    /// <summary>"startWeek/weeks/shared/done steps", to compare reconnect plans at a glance.</summary>
    private static string Plan(JsonElement plan) =>
        $"{plan.GetProperty("startWeek").GetString()}/{plan.GetProperty("weeks").GetInt32()}/{plan.GetProperty("shared").GetBoolean()}/{string.Join(' ', plan.GetProperty("doneSteps").EnumerateArray().Select(s => s.GetString()))}";

    private static Task<HttpResponseMessage> DeleteAsync(Person person, string? passphrase) =>
        person.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase }) });

    private async Task<string> CountsAsync(Person person)
    {
        var id = (await person.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        return await factory.WithDbAsync(async db =>
            $"{await db.Memberships.All().CountAsync(m => m.UserId == id)}/{await db.Set<Features.Memories.Memory>().All().CountAsync(m => m.AuthorUserId == id)}/" +
            $"{await db.Set<Features.Notes.Note>().All().CountAsync(n => n.FromUserId == id)}/{await db.MemberKeys.CountAsync(k => k.UserId == id)}/{await db.Spaces.All().CountAsync()}/" +
            $"{await db.Set<Features.CheckIns.WeeklyCheckIn>().All().CountAsync(c => c.UserId == id)}/{await db.Set<SpaceRitual>().All().CountAsync()}/" +
            $"{await db.Set<Features.Rituals.MemberWakingHours>().All().CountAsync(w => w.UserId == id)}/{await db.Set<Features.Insights.ReconnectPlanRecord>().All().CountAsync()}");
    }

    /// <summary>
    /// What export -> import -> export may change, by design (docs/export-format.md): the export time
    /// and digest, the account's e-mail and creation time (the importing account's own), "paired"
    /// becoming "solo", and what the other person revealed (never imported).
    /// </summary>
    private static string Normalise(string export, bool importedSide)
    {
        var node = JsonNode.Parse(export)!.AsObject();
        node.Remove("exportedAt");
        node.Remove("integrity");
        node["account"]!.AsObject().Remove("email");
        node["account"]!.AsObject().Remove("createdAt");
        foreach (var space in node["spaces"]!.AsArray())
        {
            if (!importedSide && (string?)space!["state"] == "paired")
            {
                space["state"] = "solo";
            }

            space!.AsObject().Remove("sharedWithMe");

            // Counsellor consents, looks and suggestions name this Hearth's accounts: exported, never imported (ADR 49, ADR 50).
            if (!importedSide)
            {
                space["mine"]!["counsellorGrants"] = new JsonArray();
                space["mine"]!["counsellorLooks"] = new JsonArray();
                space["mine"]!["counsellorSuggestions"] = new JsonArray();
            }
        }

        return node.ToJsonString();
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hearth.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find the repository root (Hearth.slnx).");
    }
}

public sealed class DataRightsOnSqlite(SqliteHearthFactory factory) : DataRightsTests<SqliteHearthFactory>(factory);

public sealed class DataRightsOnPostgres(PostgresHearthFactory factory) : DataRightsTests<PostgresHearthFactory>(factory);
