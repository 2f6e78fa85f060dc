using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Prompts;

/// <summary>One member's answer to (or skip of) a prompt day. The answer is encrypted under the author's key.</summary>
public sealed class PromptResponse : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid PromptDayId { get; set; }

    public Guid UserId { get; set; }

    public bool Skipped { get; set; }

    public byte[]? AnswerCiphertext { get; set; }

    public DateTimeOffset RespondedAt { get; set; }
}

public sealed class PromptResponseConfiguration : IEntityTypeConfiguration<PromptResponse>
{
    public void Configure(EntityTypeBuilder<PromptResponse> b)
    {
        b.ToTable("PromptResponses");
        b.HasKey(r => r.Id);
        b.HasOne<PromptDay>().WithMany().HasForeignKey(r => r.PromptDayId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PromptDayId, r.UserId }).IsUnique();
        // Space and day together: every query here also carries the space filter, and with an index on
        // SpaceId alone SQLite (which keeps no statistics) picked it over the day's and read every
        // answer the pair ever gave to find today's two.
        b.HasIndex(r => new { r.SpaceId, r.PromptDayId });
        b.Property(r => r.AnswerCiphertext).HasMaxLength(Limits.CiphertextFor(PromptService.MaxAnswerLength));
    }
}
