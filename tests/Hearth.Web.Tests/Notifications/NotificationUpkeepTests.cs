using System.Net;
using Hearth.Web.Background;
using Hearth.Web.Features.Notifications;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// Upkeep of the notification data (ADR 47): housekeeping removes send-log entries older than a year
/// (and keeps the rest); the test notification is limited to one a minute, a 429 with Retry-After.
/// </summary>
public abstract class NotificationUpkeepTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    [Fact]
    public async Task Housekeeping_removes_send_log_entries_older_than_a_year()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var anaId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var now = factory.Clock.GetUtcNow();
        NotificationSend Entry(int daysAgo, int seq) => new()
        {
            Id = Guid.NewGuid(), UserId = anaId, Kind = NotificationKinds.WeeklyCheckIn, OccurrenceKey = $"old/{daysAgo}",
            DueAt = now.AddDays(-daysAgo), ClaimedAt = now.AddDays(-daysAgo), SentAt = now.AddDays(-daysAgo),
            LocalDay = DateOnly.FromDateTime(now.AddDays(-daysAgo).UtcDateTime), DaySeq = seq, Delivered = 1,
        };
        await factory.WithDbAsync(async db =>
        {
            db.AddRange(Entry(400, 1), Entry(367, 1), Entry(300, 1), Entry(2, 1));
            return await db.SaveChangesAsync();
        });

        var slot = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddDays(3);
        factory.Clock.Advance(slot - now + TimeSpan.FromMinutes(1));
        Assert.Equal(SlotOutcome.Ran, await Scale.HousekeepingTests<TFactory>.RunSlotAsync(factory, slot, "test"));
        var left = await factory.WithDbAsync(db => db.Set<NotificationSend>().Where(s => s.UserId == anaId).Select(s => s.OccurrenceKey).ToListAsync());
        Assert.Equal(["old/2", "old/300"], left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_test_notification_within_a_minute_is_a_429()
    {
        factory.RequireAvailable();
        var (ana, phone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri("/api/v1/account/push/test", UriKind.Relative), null));
        var again = await ana.Http.PostAsync(new Uri("/api/v1/account/push/test", UriKind.Relative), null);
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, again);
        Assert.NotNull(again.Headers.RetryAfter?.Delta);
        Assert.Single(phone.Messages);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri("/api/v1/account/push/test", UriKind.Relative), null));
        Assert.Equal(2, phone.Messages.Count);
    }
}

public sealed class NotificationUpkeepOnSqlite(PushSqliteFactory factory) : NotificationUpkeepTests<PushSqliteFactory>(factory);

public sealed class NotificationUpkeepOnPostgres(PushPostgresFactory factory) : NotificationUpkeepTests<PushPostgresFactory>(factory);
