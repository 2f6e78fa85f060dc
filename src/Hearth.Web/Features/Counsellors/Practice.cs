using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Counsellors;

/// <summary>Hearth:Practice: a counselling practice runs this Hearth for its clients (ADR 46).</summary>
public sealed class PracticeOptions
{
    /// <summary>Counsellor accounts, invitations of a counsellor and their read-only view. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long access lasts when a member does not choose (days).</summary>
    public int DefaultDays { get; set; } = CounsellorRules.DefaultDays;
}

/// <summary>The rules of a counsellor's access that do not need the web.</summary>
public static class CounsellorRules
{
    public const int DefaultDays = 90;
    public const int MinDays = 1;
    public const int MaxDays = 365;

    /// <summary>The looks each member sees on the space's counsellor page, newest first.</summary>
    public const int LooksShown = 50;

    /// <summary>The longest note a counsellor may add to a suggested practice (characters as a person sees them).</summary>
    public const int MaxNoteLength = 280;

    /// <summary>How many suggestions of one grant may be waiting (not put away by both) at once: a counsellor cannot flood the pair.</summary>
    public const int MaxOpenSuggestions = 10;

    /// <summary>How long an operator's invitation code works when they do not say (days), and the range they may choose.</summary>
    public const int CodeDefaultDays = 14;
    public const int CodeMinDays = 1;
    public const int CodeMaxDays = 90;
}

/// <summary>
/// The counsellor role: an Identity role the operator gives (`hearth counsellors add`). Read from
/// the database on every request, like membership: taking the role away takes effect at once.
/// </summary>
public static class CounsellorRole
{
    public const string Name = "counsellor";
    public const string NormalizedName = "COUNSELLOR";

    public static Task<bool> HasAsync(HearthDbContext db, Guid userId, CancellationToken ct) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == NormalizedName), ct);

    /// <summary>The role's id; with <paramref name="create"/>, the role is made when this Hearth has none yet.</summary>
    public static async Task<Guid?> IdAsync(HearthDbContext db, bool create, CancellationToken ct)
    {
        var id = await db.Roles.Where(r => r.NormalizedName == NormalizedName).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (id is null && create)
        {
            var role = new IdentityRole<Guid> { Id = Guid.CreateVersion7(), Name = Name, NormalizedName = NormalizedName, ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            await db.SaveChangesAsync(ct);
            id = role.Id;
        }

        return id;
    }

    /// <summary>Gives the role (making it first if needed); false when the account already had it.</summary>
    public static async Task<bool> GiveAsync(HearthDbContext db, Guid userId, CancellationToken ct)
    {
        var roleId = (await IdAsync(db, create: true, ct))!.Value;
        if (await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == roleId, ct))
        {
            return false;
        }

        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = roleId });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>How many open spaces the account is in (a counsellor has none of their own).</summary>
    public static Task<int> OpenSpacesAsync(HearthDbContext db, Guid userId, CancellationToken ct) =>
        db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == userId && m.LeftAt == null && m.Space!.ClosedAt == null, ct);
}

/// <summary>Marks an endpoint or page that exists only in practice mode.</summary>
public sealed class PracticeOnlyMetadata
{
    public static readonly PracticeOnlyMetadata Instance = new();
}

/// <summary>
/// With practice mode off, every counsellor page and endpoint answers the very 404 an unknown
/// address gets, for everyone, signed in or not: nothing says the feature exists.
/// </summary>
public static class PracticeGate
{
    public static TBuilder PracticeOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PracticeOnlyMetadata.Instance);

    public static IApplicationBuilder UsePracticeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PracticeOnlyMetadata>() is not null
            && !context.RequestServices.GetRequiredService<IOptions<HearthOptions>>().Value.Practice.Enabled)
        {
            if (ApiPaths.IsApi(context.Request))
            {
                await ApiResults.NotFound().ExecuteAsync(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        await next();
    });
}
