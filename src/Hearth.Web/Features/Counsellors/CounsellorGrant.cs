using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// What a counsellor may see of a space (ADR 46): a flag per kind of shared thing. Access is the
/// intersection of both members' choices. Never private answers, a safety answer or pulse, notes or memories:
/// there is no flag for them.
/// </summary>
[Flags]
public enum CounsellorScopes
{
    None = 0,

    /// <summary>The shared closeness map and its rounds (only dimensions both shared in a round).</summary>
    Map = 1,

    /// <summary>The numbers of the weeks both checked in (never the words of a check-in).</summary>
    Trends = 2,

    /// <summary>What either saved "for a counsellor" in the debrief (never who, when only one did).</summary>
    Saved = 4,

    /// <summary>The insights both members see (ADR 50 §2), never one member's own.</summary>
    Insights = 8,
}

public static class CounsellorScopeNames
{
    public static readonly IReadOnlyList<(CounsellorScopes Scope, string Name)> All =
        [(CounsellorScopes.Map, "map"), (CounsellorScopes.Trends, "trends"), (CounsellorScopes.Saved, "saved"), (CounsellorScopes.Insights, "insights")];

    public static IReadOnlyList<string> Names(CounsellorScopes scopes) =>
        All.Where(s => (scopes & s.Scope) != 0).Select(s => s.Name).ToList();

    public static bool TryParse(IEnumerable<string>? names, out CounsellorScopes scopes)
    {
        scopes = CounsellorScopes.None;
        foreach (var name in names ?? [])
        {
            var match = All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match.Scope == CounsellorScopes.None)
            {
                return false;
            }

            scopes |= match.Scope;
        }

        return true;
    }
}

/// <summary>
/// A pair's invitation of a counsellor into their space. It gives nothing until both members have
/// consented (<see cref="ActivatedAt"/>), and then only until <see cref="ExpiresAt"/>, until either
/// member ends it (<see cref="EndedAt"/>), or until the space closes (a member left or deleted their
/// account): each is checked on every request of the counsellor's.
/// </summary>
public sealed class CounsellorGrant : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid CounsellorUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the second member consented; null until then.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>Set with <see cref="ActivatedAt"/>: then plus the shorter of the two chosen times.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When a member ended it (or withdrew the invitation before it started).</summary>
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>One member's consent: what they allow, for how long. Both are shown to both members.</summary>
public sealed class CounsellorConsent : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid GrantId { get; set; }

    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public CounsellorScopes Scopes { get; set; }

    public int Days { get; set; }

    public DateTimeOffset ConsentedAt { get; set; }
}

/// <summary>One look of the counsellor's at the pair's sheet: when, and at which scopes. Both members read these.</summary>
public sealed class CounsellorLook : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid GrantId { get; set; }

    public Guid SpaceId { get; set; }

    public DateTimeOffset At { get; set; }

    public CounsellorScopes Scopes { get; set; }
}

public sealed class CounsellorGrantConfiguration : IEntityTypeConfiguration<CounsellorGrant>
{
    public void Configure(EntityTypeBuilder<CounsellorGrant> b)
    {
        b.ToTable("CounsellorGrants");
        b.HasKey(x => x.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(x => x.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(x => x.CounsellorUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SpaceId);
        b.HasIndex(x => x.CounsellorUserId);
    }
}

public sealed class CounsellorConsentConfiguration : IEntityTypeConfiguration<CounsellorConsent>
{
    public void Configure(EntityTypeBuilder<CounsellorConsent> b)
    {
        b.ToTable("CounsellorConsents");
        b.HasKey(x => x.Id);
        b.HasOne<CounsellorGrant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.GrantId, x.UserId }).IsUnique();
        b.HasIndex(x => x.SpaceId);
        b.HasIndex(x => x.UserId);
        b.Property(x => x.Scopes).HasConversion<int>();
    }
}

public sealed class CounsellorLookConfiguration : IEntityTypeConfiguration<CounsellorLook>
{
    public void Configure(EntityTypeBuilder<CounsellorLook> b)
    {
        b.ToTable("CounsellorLooks");
        b.HasKey(x => x.Id);
        b.HasOne<CounsellorGrant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SpaceId, x.At });
        b.HasIndex(x => x.GrantId);
        b.Property(x => x.Scopes).HasConversion<int>();
    }
}
