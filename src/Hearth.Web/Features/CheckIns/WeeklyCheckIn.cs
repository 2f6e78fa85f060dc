using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// One member's weekly check-in for one week of the pair's calendar. The answers (the six items and
/// the "more of / less of" text) are one encrypted document under the member's own key, bound to
/// this row. The safety pulse is never here, nor anywhere else: it is looked at once and dropped.
/// </summary>
public sealed class WeeklyCheckIn : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The pair week's key: the local date it starts on (see PairCalendar).</summary>
    public DateOnly Week { get; set; }

    public string ContentVersion { get; set; } = "";

    public byte[] AnswersCiphertext { get; set; } = [];

    public DateTimeOffset SubmittedAt { get; set; }
}

public sealed class WeeklyCheckInConfiguration : IEntityTypeConfiguration<WeeklyCheckIn>
{
    public void Configure(EntityTypeBuilder<WeeklyCheckIn> b)
    {
        b.ToTable("WeeklyCheckIns");
        b.HasKey(c => c.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);

        // One check-in per member and week: a double submission is refused by the database too.
        b.HasIndex(c => new { c.SpaceId, c.UserId, c.Week }).IsUnique();
        b.Property(c => c.ContentVersion).HasMaxLength(40).IsRequired();
        b.Property(c => c.AnswersCiphertext).HasMaxLength(Limits.CiphertextFor(Hearth.Core.CheckIns.CheckInContent.NeedsMaxLengthCeiling + 400)).IsRequired();
    }
}
