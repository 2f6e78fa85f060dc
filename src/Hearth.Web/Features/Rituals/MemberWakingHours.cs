using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Rituals;

/// <summary>
/// The hours one member is usually awake, on their own clock (default 08:00-22:00). Used only to
/// find time that suits both when the pair lives apart; both members see both windows.
/// </summary>
public sealed class MemberWakingHours : ISpaceScoped
{
    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public int FromMinute { get; set; }

    public int ToMinute { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class MemberWakingHoursConfiguration : IEntityTypeConfiguration<MemberWakingHours>
{
    public void Configure(EntityTypeBuilder<MemberWakingHours> b)
    {
        b.ToTable("MemberWakingHours");
        b.HasKey(w => new { w.SpaceId, w.UserId });
        b.HasOne<Space>().WithMany().HasForeignKey(w => w.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
