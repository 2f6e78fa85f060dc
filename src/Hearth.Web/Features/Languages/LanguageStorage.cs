using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Languages;

/// <summary>The member's language is a short code on the account ("de"), never a sentence.</summary>
public sealed class LanguageStorage : IEntityTypeConfiguration<HearthUser>
{
    /// <summary>Longest code stored: a BCP 47 tag Hearth ships is far shorter; the cap keeps garbage out.</summary>
    public const int MaxLength = 35;

    public void Configure(EntityTypeBuilder<HearthUser> builder) =>
        builder.Property(u => u.Language).HasMaxLength(MaxLength);
}
