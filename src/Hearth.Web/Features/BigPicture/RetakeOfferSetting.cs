using Hearth.Core.Assessments;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.BigPicture;

/// <summary>
/// A pair's choice about the offer to retake the assessment: on or off, and after how many weeks.
/// Either member may change it (ADR 42). A missing row means on, after about three months
/// (<see cref="RetakeOffer.DefaultWeeks"/>). It names no one and holds no answer.
/// </summary>
public sealed class RetakeOfferSetting : ISpaceScoped
{
    public Guid SpaceId { get; set; }

    public bool Enabled { get; set; } = true;

    public int Weeks { get; set; } = RetakeOffer.DefaultWeeks;

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class RetakeOfferSettingConfiguration : IEntityTypeConfiguration<RetakeOfferSetting>
{
    public void Configure(EntityTypeBuilder<RetakeOfferSetting> b)
    {
        b.ToTable("RetakeOfferSettings");
        b.HasKey(s => s.SpaceId);
        b.HasOne<Space>().WithOne().HasForeignKey<RetakeOfferSetting>(s => s.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
