using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// A practice a counsellor suggested to a pair (ADR 50 §1), the counsellor's only write: a practice
/// of the catalogue (already adapted to the pair), and an optional short note in the counsellor's own
/// words, encrypted with the counsellor's key. Both members see it as "from your counsellor", also
/// after the access ended; each can put it away for themselves (<see cref="CounsellorSuggestionDismissal"/>).
/// </summary>
public sealed class CounsellorSuggestion : ISpaceScoped
{
    public const string Table = "CounsellorSuggestions";

    public Guid Id { get; set; }

    public Guid GrantId { get; set; }

    public Guid SpaceId { get; set; }

    /// <summary>Who wrote it: the grant's counsellor, the owner of <see cref="NoteCiphertext"/>.</summary>
    public Guid CounsellorUserId { get; set; }

    public string PracticeId { get; set; } = "";

    public byte[]? NoteCiphertext { get; set; }

    public DateTimeOffset SuggestedAt { get; set; }
}

/// <summary>One member put a suggestion away: it is gone from their pages, not from the other member's.</summary>
public sealed class CounsellorSuggestionDismissal : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SuggestionId { get; set; }

    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset DismissedAt { get; set; }
}

public sealed class CounsellorSuggestionConfiguration : IEntityTypeConfiguration<CounsellorSuggestion>
{
    public void Configure(EntityTypeBuilder<CounsellorSuggestion> b)
    {
        b.ToTable(CounsellorSuggestion.Table);
        b.HasKey(x => x.Id);
        b.HasOne<CounsellorGrant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Space>().WithMany().HasForeignKey(x => x.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SpaceId, x.SuggestedAt });
        b.HasIndex(x => x.GrantId);
        b.Property(x => x.PracticeId).HasMaxLength(80).IsRequired();
        b.Property(x => x.NoteCiphertext).HasMaxLength(Limits.CiphertextFor(CounsellorRules.MaxNoteLength));
    }
}

public sealed class CounsellorSuggestionDismissalConfiguration : IEntityTypeConfiguration<CounsellorSuggestionDismissal>
{
    public void Configure(EntityTypeBuilder<CounsellorSuggestionDismissal> b)
    {
        b.ToTable("CounsellorSuggestionDismissals");
        b.HasKey(x => x.Id);
        b.HasOne<CounsellorSuggestion>().WithMany().HasForeignKey(x => x.SuggestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SuggestionId, x.UserId }).IsUnique();
        b.HasIndex(x => x.SpaceId);
        b.HasIndex(x => x.UserId);
    }
}
