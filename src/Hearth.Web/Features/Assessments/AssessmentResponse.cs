using Hearth.Core.Spaces;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// One member's answers to one round of the closeness assessment in one space. Rounds are counted
/// per member (1, 2, 3...); the map pairs the two members' rounds with the same number.
/// The answers are one encrypted JSON document (owner: the member). Safety answers are never here:
/// the safety module stores nothing (docs/privacy.md).
/// </summary>
public sealed class AssessmentResponse : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public int Round { get; set; }

    public string ContentVersion { get; set; } = "";

    public RelationshipKind Kind { get; set; }

    public bool SexualOptIn { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The section to resume at.</summary>
    public string? CurrentSection { get; set; }

    /// <summary>Encrypted JSON: item id -> value (-1 prefer not to say, -2 not relevant).</summary>
    public byte[]? AnswersCiphertext { get; set; }

    /// <summary>Bit flags of the dimensions this member shares in the closeness map (1 &lt;&lt; dimension).</summary>
    public int SharedDimensions { get; set; }

    /// <summary>Whether the other member may see how this member likes to receive care.</summary>
    public bool ShareCareWays { get; set; }
}

internal sealed class AssessmentResponseConfiguration : IEntityTypeConfiguration<AssessmentResponse>
{
    public void Configure(EntityTypeBuilder<AssessmentResponse> b)
    {
        b.ToTable("AssessmentResponses");
        b.HasKey(r => r.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.SpaceId, r.UserId, r.Round }).IsUnique();
        b.Property(r => r.ContentVersion).HasMaxLength(40).IsRequired();
        b.Property(r => r.CurrentSection).HasMaxLength(40);
        b.Property(r => r.Kind).HasConversion<int>();
        b.Property(r => r.AnswersCiphertext).HasMaxLength(64 * 1024);
    }
}
