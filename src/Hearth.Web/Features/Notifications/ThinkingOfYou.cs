using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Hearth.Web.Languages;
using Hearth.Web.Pair;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// The last "thinking of you" a member sent in a space (issue 18, item 5; ADR 47): one row per sender
/// and space, its time moved forward by each new one. The dispatcher turns a fresh one into a discreet
/// notification for the other member, through the same choices, pause, quiet hours and budget as every
/// other kind. The sender's own data (when they tapped), removed with their account or the space.
/// </summary>
public sealed class ThinkingOfYouSent : ISpaceScoped
{
    public Guid SpaceId { get; set; }

    public Guid FromUserId { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

public sealed class ThinkingOfYouSentConfiguration : IEntityTypeConfiguration<ThinkingOfYouSent>
{
    public void Configure(EntityTypeBuilder<ThinkingOfYouSent> b)
    {
        b.ToTable("ThinkingOfYou");
        b.HasKey(t => new { t.SpaceId, t.FromUserId });
        b.HasOne<Space>().WithMany().HasForeignKey(t => t.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(t => t.FromUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.SentAt);
    }
}

/// <summary>What sending a "thinking of you" answers: nothing about the other person, only when the next one may go.</summary>
public sealed record ThinkingOfYouView(DateTimeOffset SentAt, DateTimeOffset NextAllowedAt);

/// <summary>The last "thinking of you" the other member sent you in this space, when it is recent (shown on the space page).</summary>
public sealed record ThinkingOfYouReceived(string From, DateTimeOffset At);

/// <summary>
/// One tap, "thinking of you": at most one per sender and space every
/// <see cref="BackgroundOptions.ThinkingOfYouMinutes"/> (a 429 otherwise, with when the next may go).
/// The answer is the same whether the other member gets notifications, turned this kind off, paused
/// everything or has no device: the sender is never told, and nothing is sent during the request (so
/// not even its duration can tell). The dispatcher sends it on its next run.
/// </summary>
public sealed class ThinkingOfYouService(
    HearthDbContext db, PairSpaces pairs, TimeProvider clock, IOptions<HearthOptions> options, IStringLocalizer<NotificationsText> text)
{
    /// <summary>How long a received "thinking of you" stays on the space page.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromHours(24);

    public TimeSpan Gap => TimeSpan.FromMinutes(Math.Max(1, options.Value.Background.ThinkingOfYouMinutes));

    public async Task<Outcome<ThinkingOfYouView>> SendAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<ThinkingOfYouView>.NotFound();
        }

        if (!pair.IsPaired)
        {
            return Outcome<ThinkingOfYouView>.Refused(409, text["ThinkingAloneTitle"], text["ThinkingAlone"]);
        }

        var now = clock.GetUtcNow();
        var since = now - Gap;
        var me = pair.Me;

        // One statement decides, so two taps at once cannot both pass: the row moves forward only if
        // the last one is old enough. No row yet: the first insert wins, a second one is "too soon".
        var moved = await db.Set<ThinkingOfYouSent>()
            .Where(t => t.SpaceId == spaceId && t.FromUserId == me && t.SentAt <= since)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SentAt, now), ct);
        if (moved == 0)
        {
            var last = await db.Set<ThinkingOfYouSent>().AsNoTracking()
                .Where(t => t.SpaceId == spaceId && t.FromUserId == me).Select(t => (DateTimeOffset?)t.SentAt).FirstOrDefaultAsync(ct);
            if (last is { } earlier)
            {
                return TooSoon(pair, earlier, now);
            }

            var row = new ThinkingOfYouSent { SpaceId = spaceId, FromUserId = me, SentAt = now };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException x) when (DbErrors.IsUniqueViolation(x))
            {
                db.Entry(row).State = EntityState.Detached;
                return TooSoon(pair, now, now);
            }
        }

        return Outcome<ThinkingOfYouView>.Ok(new ThinkingOfYouView(now, now + Gap));
    }

    /// <summary>The other member's last "thinking of you" to the caller, if it was in the last day.</summary>
    public async Task<ThinkingOfYouReceived?> ReceivedAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair?.OtherId is not { } other)
        {
            return null;
        }

        var since = clock.GetUtcNow() - ShownFor;
        var at = await db.Set<ThinkingOfYouSent>().AsNoTracking()
            .Where(t => t.SpaceId == spaceId && t.FromUserId == other && t.SentAt >= since)
            .Select(t => (DateTimeOffset?)t.SentAt).FirstOrDefaultAsync(ct);
        return at is { } when ? new ThinkingOfYouReceived(pair.OtherLabel, when) : null;
    }

    /// <summary>"14:05" (or "Tue 14:05" when not today) on the caller's own clock.</summary>
    public static string OnMyClock(PairSpace pair, DateTimeOffset at)
    {
        var zone = TimeZones.Find(pair.MyTimeZoneId);
        var local = Instant.FromDateTimeOffset(at).InZone(zone);
        var today = pair.Now.InZone(zone).Date;
        return local.Date == today
            ? CultureFormats.Time(local.TimeOfDay)
            : CultureFormats.WeekdayAndTime(local.DayOfWeek, local.TimeOfDay);
    }

    private Outcome<ThinkingOfYouView> TooSoon(PairSpace pair, DateTimeOffset last, DateTimeOffset now)
    {
        var next = last + Gap;
        var wait = next - now;
        return Outcome<ThinkingOfYouView>.Refused(429, text["ThinkingTooSoonTitle"], text["ThinkingTooSoon", OnMyClock(pair, next)], wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
    }
}

/// <summary>On the space page: the one-tap "thinking of you", and the other member's last one to you (today's).</summary>
public sealed class ThinkingOfYouViewComponent(ThinkingOfYouService service, PairSpaces pairs) : ViewComponent
{
    public sealed record Card(Guid SpaceId, bool Paired, bool JustSent, string? FromName, string? ReceivedAt);

    public async Task<IViewComponentResult> InvokeAsync(Guid spaceId)
    {
        var ct = HttpContext.RequestAborted;
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Content("");
        }

        var received = await service.ReceivedAsync(spaceId, ct);
        var justSent = HttpContext.Request.Query.TryGetValue("thought", out var flag) && flag == "sent";
        return View(
            "/Features/Notifications/_ThinkingOfYou.cshtml",
            new Card(spaceId, pair.IsPaired, justSent, received?.From, received is { } r ? ThinkingOfYouService.OnMyClock(pair, r.At) : null));
    }
}
