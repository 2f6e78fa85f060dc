using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// One notification Hearth decided to send a member: what kind, for which occurrence ("the check-in of
/// the week of 2026-10-25 in this space"), on which channel, when. The unique index on
/// (member, kind, occurrence) is the claim: the instance whose insert wins sends, every other instance
/// and every later run sees the row and does not (docs/adr/0045). Personal data of the member (when
/// Hearth reached them), removed with the account (foreign key cascade). Says nothing of the partner.
/// </summary>
public sealed class NotificationSend
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>See <see cref="NotificationKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Which occurrence of the kind, e.g. "{spaceId:N}/2026-10-25" (the local date in the member's zone).</summary>
    public string OccurrenceKey { get; set; } = "";

    /// <summary>The channels it went on: "push", "email" or both ("push email"); one claim, one place in the budget.</summary>
    public string Channel { get; set; } = NotificationChannels.Push;

    /// <summary>When it was due (the ritual's time on the member's clock).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>When this instance claimed it, just before sending.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When the sending finished (null: claimed, then the process stopped before it finished; never sent again).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many devices the push services took it for.</summary>
    public int Delivered { get; set; }

    /// <summary>The member's local date when it was claimed: with <see cref="DaySeq"/>, the daily budget.</summary>
    public DateOnly LocalDay { get; set; }

    /// <summary>
    /// 1 for the day's first notification, 2 for the second...: unique per member and day, so two
    /// instances racing cannot both take the last place in the budget.
    /// </summary>
    public int DaySeq { get; set; }
}

public static class NotificationKinds
{
    /// <summary>The weekly check-in, at the ritual's day and time on the member's own clock.</summary>
    public const string WeeklyCheckIn = "weekly-check-in";

    /// <summary>One gentle follow-up of the weekly check-in, a while after its time, only while the member has not checked in themselves (off by default).</summary>
    public const string CheckInFollowUp = "check-in-follow-up";

    /// <summary>Today's question, at the time the pair chose in their settings, on the member's own clock; not once they answered or skipped it (off by default).</summary>
    public const string TodaysQuestion = "todays-question";

    /// <summary>A new week of a reconnect plan the member can see begins, with its steps not all done yet (off by default).</summary>
    public const string PlanStepDay = "plan-step-day";

    /// <summary>The other member of a space tapped "thinking of you" (on by default: it is a person's own gesture, rate-limited, and the receiver can turn it off).</summary>
    public const string ThinkingOfYou = "thinking-of-you";

    /// <summary>A note from the other member arrived and is not read yet (off by default).</summary>
    public const string NoteReceived = "note-received";

    /// <summary>Both answered the day's question: each can see the other's answer now (off by default; for the one who answered first).</summary>
    public const string BothAnswered = "both-answered";

    /// <summary>Every kind a member can choose, with whether it is on when they have not chosen.</summary>
    public static readonly IReadOnlyList<(string Kind, bool OnByDefault)> All = [(WeeklyCheckIn, true), (CheckInFollowUp, false), (TodaysQuestion, false), (ThinkingOfYou, true), (NoteReceived, false), (BothAnswered, false), (PlanStepDay, false)];

    public static bool IsKnown(string? kind) => All.Any(k => k.Kind == kind);

    public static bool OnByDefault(string kind) => All.FirstOrDefault(k => k.Kind == kind).OnByDefault;
}

public static class NotificationChannels
{
    public const string Push = "push";

    public const string Email = "email";

    /// <summary>The stored channels ("push email") for the wire.</summary>
    public static IReadOnlyList<NotificationChannel> Parse(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c == Email ? NotificationChannel.Email : NotificationChannel.Push)
            .ToList();
}

public sealed class NotificationSendConfiguration : IEntityTypeConfiguration<NotificationSend>
{
    public void Configure(EntityTypeBuilder<NotificationSend> b)
    {
        b.ToTable("NotificationSends");
        b.HasKey(s => s.Id);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Kind).HasMaxLength(40).IsRequired();
        b.Property(s => s.OccurrenceKey).HasMaxLength(100).IsRequired();
        b.Property(s => s.Channel).HasMaxLength(20).IsRequired();
        b.HasIndex(s => new { s.UserId, s.Kind, s.OccurrenceKey }).IsUnique();
        b.HasIndex(s => new { s.UserId, s.ClaimedAt });
        b.HasIndex(s => new { s.UserId, s.LocalDay, s.DaySeq }).IsUnique();
    }
}
