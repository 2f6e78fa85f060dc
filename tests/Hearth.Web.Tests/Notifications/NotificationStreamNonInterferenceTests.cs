using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Privacy;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// Non-interference over the notification streams (issue 18, privacy; ADR 47): three worlds built the
/// same way on the same clock, differing only in Ana's safety answers (the assessment's safety check,
/// the weekly pulse: none, yes, no) and in what she answered that Ben has not (today's question). Ben
/// chose every kind by push and by e-mail (the pair set a time for today's question). What reaches him, the decrypted push payloads and the
/// e-mails with their arrival times, must be the same byte for byte; only what differs between
/// installations by construction (ids, the signed unsubscribe token, the Date header) is normalised.
/// </summary>
[Slow("three worlds, a simulated week of the dispatcher each")]
public sealed partial class NotificationStreamNonInterferenceTests
{
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32}")]
    private static partial Regex AnyId();

    [GeneratedRegex("/unsubscribe/[A-Za-z0-9_-]+")]
    private static partial Regex Unsubscribe();

    [GeneratedRegex("Date: .*")]
    private static partial Regex DateLine();

    private static string Normalise(string text) =>
        AnyId().Replace(Unsubscribe().Replace(DateLine().Replace(text, "Date: "), "/unsubscribe/{token}"), "{id}");

    [Fact]
    public async Task What_reaches_the_partner_is_the_same_whatever_the_safety_and_unrevealed_answers()
    {
        var streams = new List<List<string>>();
        foreach (var variant in new[] { "none", "yes", "no" })
        {
            await using var world = new PushSqliteFactory();
            var ana = await SafetyNonInterferenceTests.RegisterAsync(world, "Ana", "ana@example.org");
            var ben = await SafetyNonInterferenceTests.RegisterAsync(world, "Ben", "ben@example.org");
            var benPhone = world.Push.NewDevice();
            await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync("/api/v1/account/push/devices", benPhone.Subscription));
            var every = Hearth.Web.Features.Notifications.NotificationKinds.All.Select(k => new { kind = k.Kind, push = true, email = true }).ToArray();
            await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = every }));
            var spaceId = await ana.CreateSpaceAsync("romantic", label: "Us");
            await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(await ana.InviteAsync(spaceId)));
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "10:00" }));
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { questionTime = "08:00" }));

            // The only differences: Ana's safety answers, and answers of hers Ben has not matched.
            bool? pulse = variant switch { "yes" => true, "no" => false, _ => null };
            if (variant != "none")
            {
                await ana.SafetyCheckAsync(spaceId, variant == "yes" ? 1 : 0);
                var date = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString();
                await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "only mine for now" }));
            }

            var answers = new Dictionary<string, bool?> { ["pulse.afraid"] = pulse, ["pulse.controlled"] = pulse };
            await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 6, closeness = 5, safetyPulse = answers }));

            // The same in every world: a "thinking of you" and a note for Ben.
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri($"/api/v1/spaces/{spaceId}/thinking-of-you", UriKind.Relative), JsonContent.Create(new { })));
            await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/notes", new { kind = "appreciation", text = "Thank you" }));

            var stream = new List<string>();
            var seen = 0;
            var mails = 0;
            for (var step = 0; step < 8 * 24 * 4; step++)
            {
                world.Clock.Advance(TimeSpan.FromMinutes(15));
                await Reminders.RunAsync(world);
                var at = world.Clock.GetUtcNow() - HearthFactory.Start;
                foreach (var message in benPhone.Messages.Skip(seen))
                {
                    stream.Add($"{at} push {Normalise(message)}");
                }

                seen = benPhone.Messages.Count;
                var outbox = world.ReadOutbox().Where(m => m.Contains("To: ben@example.org", StringComparison.Ordinal)).ToList();
                // The outbox names its files by the (frozen) time and a random id: e-mails of one run
                // are compared in the order of their words, not of their file names.
                foreach (var mail in outbox.Skip(mails).Select(Normalise).Order(StringComparer.Ordinal))
                {
                    stream.Add($"{at} email {mail}");
                }

                mails = outbox.Count;
            }

            Assert.Empty(benPhone.Problems);
            streams.Add(stream);
        }

        // Something did reach him: the weekly check-in, the "thinking of you" and the note, by both channels (two a day at most).
        Assert.True(streams[0].Count >= 4, string.Join("\n", streams[0]));
        Assert.Contains(streams[0], s => s.Contains(" email ", StringComparison.Ordinal));
        SecurityReport.Record(
            "safety non-interference: the push payloads and e-mails the partner receives", "sqlite",
            streams[0].Count * 2, streams.Skip(1).Count(s => !s.SequenceEqual(streams[0])),
            $"{nameof(NotificationStreamNonInterferenceTests)}.{nameof(What_reaches_the_partner_is_the_same_whatever_the_safety_and_unrevealed_answers)}",
            "three worlds (no safety answers, yes, no; unrevealed answers), every push and e-mail to the partner with its time");
        Assert.Equal(streams[0], streams[1]);
        Assert.Equal(streams[0], streams[2]);
    }
}
