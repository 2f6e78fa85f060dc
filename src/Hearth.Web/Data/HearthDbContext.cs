using Hearth.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data;

/// <summary>
/// The one database of Hearth. Provider-specific subclasses (<see cref="SqliteHearthDbContext"/>,
/// <see cref="PostgresHearthDbContext"/>) carry their own migrations (docs/adr/0002).
/// Relationship data is filtered to the spaces the current person is an active member of: a
/// second wall behind the per-object checks in the services. Code that must look past it (joining
/// by invitation, the space list with closed spaces) says so with IgnoreQueryFilters().
/// </summary>
public abstract class HearthDbContext(DbContextOptions options)
    : IdentityDbContext<HearthUser, IdentityRole<Guid>, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options)
{
    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<MemberKey> MemberKeys => Set<MemberKey>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>
    /// The request's scope. Contexts are pooled (DatabaseSetup): each is handed the scope of the
    /// request that rents it, and given back with an empty one, so a context between requests, or
    /// one made outside a request, sees nothing space-scoped (fail closed).
    /// </summary>
    private SpaceScope scope = new();

    /// <summary>Read by the query filters at query time; empty (so nothing is visible) until loaded.</summary>
    internal IReadOnlyList<Guid> ScopeSpaceIds => scope.SpaceIds;

    /// <summary>Binds this context to a request's scope (when it is rented from the pool).</summary>
    internal void UseScope(SpaceScope requestScope) => scope = requestScope;

    public override void Dispose()
    {
        scope = new();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        scope = new();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<HearthUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(Limits.DisplayNameColumn).IsRequired();
        });

        builder.Entity<Space>(b =>
        {
            b.ToTable("Spaces");
            b.HasKey(s => s.Id);
            b.Property(s => s.Kind).HasConversion<int>();
            b.HasQueryFilter(s => ScopeSpaceIds.Contains(s.Id));
        });

        builder.Entity<Membership>(b =>
        {
            b.ToTable("Memberships");
            b.HasKey(m => m.Id);
            b.HasOne(m => m.Space).WithMany(s => s.Memberships).HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(m => new { m.UserId, m.LeftAt });
            b.HasIndex(m => new { m.SpaceId, m.UserId }).IsUnique();
            b.Property(m => m.LabelCiphertext).HasMaxLength(Limits.CiphertextFor(Limits.SpaceLabel));
        });

        builder.Entity<MemberKey>(b =>
        {
            b.ToTable("MemberKeys");
            b.HasKey(k => k.UserId);
            b.HasOne<HearthUser>().WithOne().HasForeignKey<MemberKey>(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
            b.Property(k => k.WrappedKey).IsRequired();
        });

        builder.Entity<UserSession>(b =>
        {
            b.ToTable("UserSessions");
            b.HasKey(s => s.Id);
            b.HasOne<HearthUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(s => s.UserId);
            b.Property(s => s.ClientLabel).HasMaxLength(80);
        });

        // Features keep their entity configuration beside them (IEntityTypeConfiguration<T>).
        builder.ApplyConfigurationsFromAssembly(typeof(HearthDbContext).Assembly);
        ApplySpaceFilters(builder);
    }

    /// <summary>
    /// The second wall: every entity that carries a space id (<see cref="ISpaceScoped"/>) is filtered
    /// to the caller's open spaces, by construction, so a new table cannot forget it.
    /// </summary>
    private void ApplySpaceFilters(ModelBuilder builder)
    {
        var scopeIds = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(this), nameof(ScopeSpaceIds));
        var contains = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(Guid));
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(ISpaceScoped).IsAssignableFrom(t.ClrType)))
        {
            var row = System.Linq.Expressions.Expression.Parameter(entity.ClrType, "row");
            var body = System.Linq.Expressions.Expression.Call(contains, scopeIds, System.Linq.Expressions.Expression.Property(row, nameof(ISpaceScoped.SpaceId)));
            builder.Entity(entity.ClrType).HasQueryFilter(System.Linq.Expressions.Expression.Lambda(body, row));
        }
    }
}

/// <summary>SQLite: the embedded default. Instants are stored as sortable integers (UTC ticks).</summary>
public sealed class SqliteHearthDbContext(DbContextOptions<SqliteHearthDbContext> options)
    : HearthDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>PostgreSQL: for larger installations and more than one Hearth instance.</summary>
public sealed class PostgresHearthDbContext(DbContextOptions<PostgresHearthDbContext> options)
    : HearthDbContext(options);

/// <summary>Stores an instant as UTC ticks so SQLite can sort and compare it; reads it back as UTC.</summary>
public sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
