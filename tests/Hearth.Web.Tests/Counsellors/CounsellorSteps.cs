using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>Intent steps for the counsellor tests (ADR 46).</summary>
public static class CounsellorSteps
{
    public static readonly string[] AllScopes = ["map", "trends", "saved", "insights"];

    /// <summary>A registered account with the counsellor role (what `hearth counsellors add` gives; that verb has its own test).</summary>
    public static async Task<Person> CounsellorAsync(HearthFactory factory, string name = "Cleo")
    {
        var person = await Person.RegisterAsync(factory, name);
        await GiveRoleAsync(factory, person.Email);
        return person;
    }

    public static Task GiveRoleAsync(HearthFactory factory, string email) => factory.WithDbAsync(async db =>
    {
        var role = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == "COUNSELLOR");
        if (role is null)
        {
            role = new IdentityRole<Guid> { Id = Guid.CreateVersion7(), Name = "counsellor", NormalizedName = "COUNSELLOR", ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
        }

        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        return await db.SaveChangesAsync();
    });

    public static Task<HttpResponseMessage> InviteCounsellorAsync(this Person member, Guid spaceId, Person counsellor, IReadOnlyList<string>? scopes = null, int? days = null) =>
        member.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/counsellor", new { email = counsellor.Email, scopes = scopes ?? AllScopes, days });

    public static Task<HttpResponseMessage> ConsentToCounsellorAsync(this Person member, Guid spaceId, IReadOnlyList<string>? scopes = null, int? days = null) =>
        member.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/counsellor/consent", new { scopes = scopes ?? AllScopes, days });

    public static Task<HttpResponseMessage> EndCounsellorAsync(this Person member, Guid spaceId) =>
        member.Http.DeleteAsync(new Uri($"/api/v1/spaces/{spaceId}/counsellor", UriKind.Relative));

    /// <summary>Invites and consents as both; returns the grant's id.</summary>
    public static async Task<Guid> BothConsentAsync(Person first, Person second, Guid spaceId, Person counsellor, IReadOnlyList<string>? firstScopes = null, IReadOnlyList<string>? secondScopes = null, int? firstDays = null, int? secondDays = null)
    {
        await Expect.StatusAsync(HttpStatusCode.OK, await first.InviteCounsellorAsync(spaceId, counsellor, firstScopes, firstDays));
        await Expect.StatusAsync(HttpStatusCode.OK, await second.ConsentToCounsellorAsync(spaceId, secondScopes, secondDays));
        return await GrantIdAsync(first.Factory, spaceId);
    }

    /// <summary>The space's newest grant (invitation or access), from the database: the id a counsellor would use.</summary>
    public static Task<Guid> GrantIdAsync(HearthFactory factory, Guid spaceId) =>
        factory.WithDbAsync(db => db.Set<Hearth.Web.Features.Counsellors.CounsellorGrant>().IgnoreQueryFilters()
            .Where(g => g.SpaceId == spaceId).OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id).Select(g => g.Id).FirstAsync());

    public static Task<HttpResponseMessage> SheetAsync(this Person counsellor, Guid grantId) =>
        counsellor.Http.GetAsync(new Uri($"/api/v1/counsellor/pairs/{grantId}", UriKind.Relative));
}
