using Hearth.Web.Security;
using Hearth.Web.Api;

namespace Hearth.Web.Features.CheckIns;

public static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckInApi(this RouteGroupBuilder space)
    {
        var checkIn = space.MapGroup("/check-in").WithTags("Weekly check-in");
        checkIn.MapGet("/", async (Guid spaceId, CheckInService service, CancellationToken ct) =>
                ApiResults.From(await service.GetWeekAsync(spaceId, null, ct), v => TypedResults.Ok(v)))
            .RequireConfirmedSession()
            .WithSummary("This pair week: your check-in, and the other's once you have both checked in (never whether they have).");
        checkIn.MapGet("/questions", async (Guid spaceId, CheckInService service, CancellationToken ct) =>
                ApiResults.From(await service.GetWeekAsync(spaceId, null, ct), _ => TypedResults.Ok(CheckInService.Questions)))
            .WithSummary("The seven questions, the more-of/less-of question, the ground rules and the private safety pulse.");
        checkIn.MapGet("/weeks/{date}", async (Guid spaceId, string date, CheckInService service, CancellationToken ct) =>
                ApiResults.From(await service.GetWeekAsync(spaceId, date, ct), v => TypedResults.Ok(v)))
            .RequireConfirmedSession()
            .WithSummary("The pair week containing a date, with the same mutual reveal.");
        checkIn.MapPost("/", async (Guid spaceId, CheckInInput input, CheckInService service, CancellationToken ct) =>
                ApiResults.From(await service.SubmitAsync(spaceId, input, ct), v => TypedResults.Created((string?)null, v)).Or<Refusals.Conflict>())
            .RequireConfirmedSession()
            .WithSummary("Check in for this week (once). The safety pulse is looked at once and never stored; support shows only to you.");
        return space;
    }
}
