using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearth.Web.Features.Notifications;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// Web Push (issue 18, item 2; ADR 43) through the API, against a push service on 127.0.0.1 that
/// checks the VAPID token and decrypts each message with the device's own keys: what reaches a phone
/// says only "Something new in Hearth" in the member's language and names the page to open; each
/// delivery is recorded; a device its push service calls gone is removed; bad subscriptions are a
/// clear 400 with nothing stored.
/// </summary>
public abstract class PushTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    private FakePushService Push => factory.Push;

    [Fact]
    public async Task A_device_gets_a_neutral_message_in_the_members_language_and_its_delivery_is_recorded()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana Quillfeather");
        var key = (await ana.GetJsonAsync("/api/v1/account/push/key")).GetProperty("publicKey").GetString()!;
        Assert.Equal(65, Base64Url.DecodeFromChars(key).Length);
        Assert.Equal(key, (await (await Person.RegisterAsync(factory)).GetJsonAsync("/api/v1/account/push/key")).GetProperty("publicKey").GetString());

        var phone = Push.NewDevice();
        var added = await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", phone.Subscription);
        await Expect.StatusAsync(HttpStatusCode.Created, added);
        var devices = await ana.GetJsonAsync("/api/v1/account/push/devices");
        Assert.Equal(1, devices.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, devices[0].GetProperty("lastDeliveryAt").ValueKind);

        factory.Clock.Advance(TimeSpan.FromMinutes(7));
        var sent = await ana.Http.PostAsync(new Uri("/api/v1/account/push/test", UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.OK, sent);
        var result = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("delivered").GetInt32());
        Assert.Empty(phone.Problems);

        var message = Assert.Single(phone.Messages);
        using (var payload = JsonDocument.Parse(message))
        {
            Assert.Equal("Hearth", payload.RootElement.GetProperty("title").GetString());
            Assert.Equal("Something new in Hearth", payload.RootElement.GetProperty("body").GetString());
            Assert.Equal("/account/notifications", payload.RootElement.GetProperty("url").GetString());
            Assert.Equal(3, payload.RootElement.EnumerateObject().Count());
        }

        Assert.DoesNotContain("Quillfeather", message, StringComparison.Ordinal);
        Assert.DoesNotContain(ana.Email, message, StringComparison.Ordinal);
        var request = Push.Received.Last(r => r.DeviceId == phone.Id);
        Assert.Equal("aes128gcm", request.ContentEncoding);
        Assert.Contains("k=" + key, request.Authorization, StringComparison.Ordinal);
        Assert.Equal("hearth", request.Topic);

        devices = await ana.GetJsonAsync("/api/v1/account/push/devices");
        Assert.Equal(factory.Clock.GetUtcNow(), devices[0].GetProperty("lastDeliveryAt").GetDateTimeOffset());

        // In German for a member who chose German, whoever's request sends it.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        using (var scope = factory.Services.CreateScope())
        {
            var anaId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
            var delivery = await scope.ServiceProvider.GetRequiredService<IPushSender>().SendAsync(anaId, "/spaces");
            Assert.Equal(new PushDeliveryResult(1, 0, 0), delivery);
        }

        using var german = JsonDocument.Parse(phone.Messages.Last());
        Assert.Equal("Etwas Neues in Hearth", german.RootElement.GetProperty("body").GetString());
        Assert.Equal("/spaces", german.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_device_whose_push_service_says_it_is_gone_is_removed_and_the_others_still_get_theirs()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var kept = Push.NewDevice();
        var gone = Push.NewDevice();
        gone.Answer = HttpStatusCode.Gone;
        var unknown = Push.NewDevice();
        unknown.Answer = HttpStatusCode.NotFound;
        var busy = Push.NewDevice();
        busy.Answer = HttpStatusCode.ServiceUnavailable;
        foreach (var device in new[] { kept, gone, unknown, busy })
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", device.Subscription));
        }

        var result = await (await ana.Http.PostAsync(new Uri("/api/v1/account/push/test", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("delivered").GetInt32());
        Assert.Equal(2, result.GetProperty("removed").GetInt32());
        Assert.Single(kept.Messages);

        // Gone (404, 410) is removed; a push service that is only busy (503) keeps its device for next time.
        var devices = await ana.GetJsonAsync("/api/v1/account/push/devices");
        Assert.Equal(2, devices.GetArrayLength());
        Assert.Single(devices.EnumerateArray(), d => d.GetProperty("lastDeliveryAt").ValueKind == JsonValueKind.Null);
    }

    /// <summary>
    /// The member removes their devices while a message to them is on its way: sending still ends
    /// well (no 500), and what the member removed stays removed.
    /// </summary>
    [Fact]
    public async Task Devices_removed_while_a_message_is_on_its_way_stay_removed_and_sending_ends_well()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var phone = Push.NewDevice();
        var laptop = Push.NewDevice();
        laptop.Answer = HttpStatusCode.Gone;
        foreach (var device in new[] { phone, laptop })
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", device.Subscription));
        }

        var ids = (await ana.GetJsonAsync("/api/v1/account/push/devices")).EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        var removedFirst = false;
        phone.WhileReceiving = async () =>
        {
            if (!removedFirst)
            {
                removedFirst = true;
                foreach (var id in ids)
                {
                    await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.DeleteAsync(new Uri($"/api/v1/account/push/devices/{id}", UriKind.Relative)));
                }
            }
        };

        var sent = await ana.Http.PostAsync(new Uri("/api/v1/account/push/test", UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.OK, sent);
        Assert.True(removedFirst);
        Assert.Equal(0, (await ana.GetJsonAsync("/api/v1/account/push/devices")).GetArrayLength());
    }

    /// <summary>
    /// A member has at most <see cref="Hearth.Web.Features.Notifications.PushDevices.MaxDevices"/> devices,
    /// also when the last ones are added at the same moment; the one over says why beside its field.
    /// The same device sent several times at once is still one device.
    /// </summary>
    [Fact]
    public async Task Devices_added_at_once_stop_at_the_limit_and_one_device_sent_at_once_is_one()
    {
        factory.RequireAvailable();
        var max = Hearth.Web.Features.Notifications.PushDevices.MaxDevices;
        for (var round = 0; round < 3; round++)
        {
            var ana = await Person.RegisterAsync(factory);
            for (var i = 0; i < max - 1; i++)
            {
                await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", Push.NewDevice().Subscription));
            }

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", Push.NewDevice().Subscription)));
            Assert.Equal(max, (await ana.GetJsonAsync("/api/v1/account/push/devices")).GetArrayLength());
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            {
                Assert.Contains("endpoint", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, refused)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
            }

            var ben = await Person.RegisterAsync(factory);
            var phone = Push.NewDevice();
            var same = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ben.Http.PostAsJsonAsync("/api/v1/account/push/devices", phone.Subscription)));
            Assert.All(same, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
            Assert.Equal(1, (await ben.GetJsonAsync("/api/v1/account/push/devices")).GetArrayLength());
        }
    }

    [Fact]
    public async Task The_same_device_twice_is_one_device_only_its_owner_removes_it_and_nothing_is_stored_in_plain()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var phone = Push.NewDevice();
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", phone.Subscription));
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", phone.Subscription));
        var devices = await ana.GetJsonAsync("/api/v1/account/push/devices");
        var id = Assert.Single(devices.EnumerateArray()).GetProperty("id").GetGuid();
        Assert.Equal(0, (await ben.GetJsonAsync("/api/v1/account/push/devices")).GetArrayLength());

        // The database holds the address and keys only sealed with Ana's data key.
        var row = await factory.WithDbAsync(db => db.Set<PushDevice>().SingleAsync(d => d.Id == id));
        var endpointBytes = Encoding.UTF8.GetBytes(phone.Endpoint);
        Assert.False(row.Sealed.AsSpan().IndexOf(endpointBytes) >= 0, "the endpoint is sealed, not stored in plain");
        Assert.False(row.Sealed.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Base64Url.EncodeToString(phone.Auth))) >= 0, "the secret is sealed");

        await Expect.StatusAsync(HttpStatusCode.NotFound, await ben.Http.DeleteAsync(new Uri($"/api/v1/account/push/devices/{id}", UriKind.Relative)));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.DeleteAsync(new Uri($"/api/v1/account/push/devices/{id}", UriKind.Relative)));
        Assert.Equal(0, (await ana.GetJsonAsync("/api/v1/account/push/devices")).GetArrayLength());
        await Expect.StatusAsync(HttpStatusCode.NotFound, await ana.Http.DeleteAsync(new Uri($"/api/v1/account/push/devices/{id}", UriKind.Relative)));
    }

    [Fact]
    public async Task The_export_holds_exactly_the_members_own_devices_choices_and_log_and_deletion_removes_them()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        await ana.PairWithAsync(ben);
        var anaPhone = Push.NewDevice();
        var benPhone = Push.NewDevice();
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", anaPhone.Subscription));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync("/api/v1/account/push/devices", benPhone.Subscription));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = new[] { new { kind = "note-received", push = true } }, quietFrom = "22:00", quietUntil = "07:30" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/notifications", new { quietFrom = "21:00", quietUntil = "06:00" }));
        var anaId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var benId = (await ben.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var due = factory.Clock.GetUtcNow();
        await factory.WithDbAsync(db =>
        {
            db.Add(new NotificationSend { Id = Guid.CreateVersion7(), UserId = anaId, Kind = NotificationKinds.WeeklyCheckIn, OccurrenceKey = "ana/1", DueAt = due, ClaimedAt = due, SentAt = due, Delivered = 1, LocalDay = DateOnly.FromDateTime(due.UtcDateTime), DaySeq = 1 });
            db.Add(new NotificationSend { Id = Guid.CreateVersion7(), UserId = benId, Kind = NotificationKinds.ThinkingOfYou, OccurrenceKey = "ben/1", DueAt = due, ClaimedAt = due, SentAt = due, Delivered = 1, LocalDay = DateOnly.FromDateTime(due.UtcDateTime), DaySeq = 1 });
            return db.SaveChangesAsync();
        });

        var (_, body, doc) = await Hearth.Web.Tests.DataRights.DataWorld.ExportAsync(ana);
        var reach = doc.GetProperty("account").GetProperty("notifications");
        var device = Assert.Single(reach.GetProperty("devices").EnumerateArray());
        Assert.Equal(anaPhone.Endpoint, device.GetProperty("endpoint").GetString());
        Assert.Equal(Base64Url.EncodeToString(anaPhone.Auth), device.GetProperty("auth").GetString());
        Assert.Equal(Base64Url.EncodeToString(anaPhone.PublicKey), device.GetProperty("p256dh").GetString());
        var choice = Assert.Single(reach.GetProperty("choices").EnumerateArray());
        Assert.Equal("note-received/push/True", $"{choice.GetProperty("notification").GetString()}/{choice.GetProperty("channel").GetString()}/{choice.GetProperty("enabled").GetBoolean()}");
        Assert.Equal("22:00-07:30", $"{reach.GetProperty("quietFrom").GetString()}-{reach.GetProperty("quietUntil").GetString()}");
        var sent = Assert.Single(reach.GetProperty("sent").EnumerateArray());
        Assert.Equal(NotificationKinds.WeeklyCheckIn, sent.GetProperty("notification").GetString());
        Assert.DoesNotContain(benPhone.Endpoint, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Base64Url.EncodeToString(benPhone.Auth), body, StringComparison.Ordinal);
        Assert.DoesNotContain("21:00", body, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationKinds.ThinkingOfYou, body, StringComparison.Ordinal);

        // Deleting Ana's account removes her devices, choices, rules and log; Ben's stay his.
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase = ana.Password }) }));
        var counts = await factory.WithDbAsync(async db =>
            $"{await db.Set<PushDevice>().CountAsync(d => d.UserId == anaId)}/{await db.Set<NotificationPreference>().CountAsync(p => p.UserId == anaId)}/{await db.Set<NotificationSetting>().CountAsync(x => x.UserId == anaId)}/{await db.Set<NotificationSend>().CountAsync(x => x.UserId == anaId)}"
            + $" {await db.Set<PushDevice>().CountAsync(d => d.UserId == benId)}/{await db.Set<NotificationSetting>().CountAsync(x => x.UserId == benId)}/{await db.Set<NotificationSend>().CountAsync(x => x.UserId == benId)}");
        Assert.Equal("0/0/0/0 1/1/1", counts);
    }

    public static TheoryData<string, string> BadSubscriptions()
    {
        var device = Base64Url.EncodeToString(System.Security.Cryptography.ECDiffieHellman.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).PublicKey.ExportSubjectPublicKeyInfo().AsSpan()[^65..]);
        var auth = Base64Url.EncodeToString(new byte[16]);
        string Body(string endpoint, string p256dh, string secret) =>
            JsonSerializer.Serialize(new { endpoint, keys = new { p256dh, auth = secret } });
        return new TheoryData<string, string>
        {
            { "{}", "endpoint" },
            { JsonSerializer.Serialize(new { endpoint = "https://fcm.googleapis.com/fcm/send/abc" }), "keys.p256dh" },
            { Body("", device, auth), "endpoint" },
            { Body("http://fcm.googleapis.com/fcm/send/abc", device, auth), "endpoint" },
            { Body("fcm.googleapis.com/fcm/send/abc", device, auth), "endpoint" },
            { Body("https://evil.example/collect", device, auth), "endpoint" },
            { Body("https://127.0.0.1.evil.example/push", device, auth), "endpoint" },
            { Body("https://user:pw@fcm.googleapis.com/fcm/send/abc", device, auth), "endpoint" },
            { Body("https://fcm.googleapis.com/fcm/send/" + new string('a', 5000), device, auth), "endpoint" },
            { Body("https://fcm.googleapis.com/fcm/send/abc", new string('A', 100_000), auth), "keys.p256dh" },
            { Body("https://fcm.googleapis.com/fcm/send/abc", Base64Url.EncodeToString([0x04, .. new byte[64]]), auth), "keys.p256dh" },
            { Body("https://fcm.googleapis.com/fcm/send/abc", "not base64url!", auth), "keys.p256dh" },
            { Body("https://fcm.googleapis.com/fcm/send/abc", device, Base64Url.EncodeToString(new byte[17])), "keys.auth" },
            { Body("https://fcm.googleapis.com/fcm/send/abc", device, new string('b', 50_000)), "keys.auth" },
        };
    }

    [Theory]
    [MemberData(nameof(BadSubscriptions))]
    public async Task A_bad_subscription_gets_a_clear_400_beside_its_field_and_nothing_is_stored(string body, string field)
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var response = await ana.Http.PostAsync(new Uri("/api/v1/account/push/devices", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(0, (await ana.GetJsonAsync("/api/v1/account/push/devices")).GetArrayLength());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        foreach (var body in new[] { "not json", "[]", """{"endpoint": 42}""", """{"endpoint":"https://fcm.googleapis.com/x","keys":"abc"}""" })
        {
            var response = await ana.Http.PostAsync(new Uri("/api/v1/account/push/devices", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        }

        Assert.Equal(0, (await ana.GetJsonAsync("/api/v1/account/push/devices")).GetArrayLength());
    }

    [Fact]
    public async Task The_VAPID_key_is_made_once_and_its_private_half_is_sealed_by_the_key_ring()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var key = (await ana.GetJsonAsync("/api/v1/account/push/key")).GetProperty("publicKey").GetString();
        var rows = await factory.WithDbAsync(db => db.Set<PushServerKey>().ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(key, row.PublicKey);

        // Data Protection's envelope, not a bare 32-byte key (43 base64url characters).
        Assert.True(row.ProtectedPrivateKey.Length > 100, "the private key is stored protected");
        var keys = await factory.Services.GetRequiredService<VapidKeys>().GetAsync();
        Assert.DoesNotContain(keys.PrivateKey, row.ProtectedPrivateKey, StringComparison.Ordinal);
        Assert.DoesNotContain(keys.PrivateKey, keys.ToString(), StringComparison.Ordinal);
    }
}

public sealed class PushOnSqlite(PushSqliteFactory factory) : PushTests<PushSqliteFactory>(factory);

public sealed class PushOnPostgres(PushPostgresFactory factory) : PushTests<PushPostgresFactory>(factory);
