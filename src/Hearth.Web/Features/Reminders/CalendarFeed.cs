using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Reminders;

/// <summary>
/// A member's private calendar feed (per account, not per space). Only a SHA-256 hash of the
/// token is stored: the link is shown once when made, and a new one switches the old one off.
/// </summary>
public sealed class CalendarFeed
{
    public Guid UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("CalendarFeeds");
        b.HasKey(f => f.UserId);
        b.HasOne<HearthUser>().WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(f => f.TokenHash).IsUnique();
    }
}
