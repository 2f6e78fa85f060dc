using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// A member's own rules for being reached (per account, never shown to anyone else): quiet hours on
/// their own clock and a pause until a date. No row: no quiet hours, not paused. Personal data,
/// removed with the account (foreign key cascade).
/// </summary>
public sealed class NotificationSetting
{
    public Guid UserId { get; set; }

    /// <summary>Quiet hours start, minutes after local midnight (null: no quiet hours).</summary>
    public int? QuietFromMinute { get; set; }

    /// <summary>Quiet hours end, minutes after local midnight; before <see cref="QuietFromMinute"/> when they span midnight.</summary>
    public int? QuietUntilMinute { get; set; }

    /// <summary>Nothing is sent before this local date begins on the member's clock (null: not paused).</summary>
    public DateOnly? PausedUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One choice: may this kind reach the member on this channel. No row: the kind's default.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }

    public string Kind { get; set; } = "";

    public string Channel { get; set; } = NotificationChannels.Push;

    public bool Enabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> b)
    {
        b.ToTable("NotificationSettings");
        b.HasKey(s => s.UserId);
        b.HasOne<HearthUser>().WithOne().HasForeignKey<NotificationSetting>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(p => new { p.UserId, p.Kind, p.Channel });
        b.HasOne<HearthUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Kind).HasMaxLength(40);
        b.Property(p => p.Channel).HasMaxLength(20);
    }
}
