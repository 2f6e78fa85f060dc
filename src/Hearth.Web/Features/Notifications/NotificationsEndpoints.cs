using Hearth.Web.Pair;
using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Notifications;

public static class NotificationsEndpoints
{
    /// <summary>A member's devices for Web Push, under /api/v1/account/push.</summary>
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var push = api.MapGroup("/account/push").WithTags("Account").RequireAuthorization();
        push.MapGet("/key", async (PushDevices devices, CancellationToken ct) => TypedResults.Ok(await devices.KeyAsync(ct)))
            .WithSummary("This Hearth's public VAPID key, the applicationServerKey a device subscribes with.");
        push.MapGet("/devices", async (PushDevices devices, CancellationToken ct) => TypedResults.Ok(await devices.ListAsync(ct)))
            .WithSummary("Your devices that get notifications: each with when it was added and when the last one reached it.");
        push.MapPost("/devices", async (PushSubscriptionInput input, PushDevices devices, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await devices.AddAsync(input, http.Request.Headers.UserAgent, ct), d => TypedResults.Created((string?)null, d)))
            .WithSummary("Add this device: the browser's push subscription (PushSubscription.toJSON()). The same device again keeps one entry.");
        push.MapDelete("/devices/{deviceId:guid}", async (Guid deviceId, PushDevices devices, CancellationToken ct) =>
                ApiResults.From(await devices.RemoveAsync(deviceId, ct), _ => TypedResults.NoContent()))
            .WithSummary("Stop notifications to one device.");
        push.MapPost("/test", async (IPushSender sender, PushTestLimit limit, CurrentMember member, LinkGenerator links, CancellationToken ct) =>
            {
                var me = member.RequireUserId();
                if (limit.Refusal<PushTestView>(me) is { } tooSoon)
                {
                    return ApiResults.From(tooSoon, v => TypedResults.Ok(v)).Or<Refusals.TooMany>();
                }

                var result = await sender.SendAsync(me, links.GetPathByPage("/Notifications/Index"), ct);
                return ApiResults.From(Outcome<PushTestView>.Ok(new PushTestView(result.Delivered, result.Removed)), v => TypedResults.Ok(v)).Or<Refusals.TooMany>();
            })
            .WithSummary("Send the neutral \"Something new in Hearth\" to each of your devices, to see that it arrives. At most one a minute (429 with Retry-After).");
        var notifications = api.MapGroup("/account/notifications").WithTags("Account").RequireAuthorization();
        notifications.MapGet("/", async (NotificationPreferences prefs, CancellationToken ct) => TypedResults.Ok(await prefs.GetAsync(ct)))
            .WithSummary("Your notification choices: each kind on or off, quiet hours on your own clock, a pause, the most a day.");
        notifications.MapPut("/", async (NotificationSettingsInput input, NotificationPreferences prefs, CancellationToken ct) =>
                ApiResults.From(await prefs.UpdateAsync(input, ct), v => TypedResults.Ok(v)))
            .WithSummary("Change your notification choices. Kinds not named keep their setting; empty quiet hours or pause turn them off. Nobody else is told.");
        notifications.MapGet("/log", async (NotificationPreferences prefs, CancellationToken ct) => TypedResults.Ok(await prefs.LogAsync(ct)))
            .WithSummary("What Hearth sent you, newest first: the kind, when, the channel and to how many devices.");
        return api;
    }

    /// <summary>The one-tap "thinking of you", in the space group.</summary>
    public static RouteGroupBuilder MapThinkingOfYouApi(this RouteGroupBuilder space)
    {
        space.MapPost("/thinking-of-you", async (Guid spaceId, ThinkingOfYouService service, CancellationToken ct) =>
                ApiResults.From(await service.SendAsync(spaceId, ct), v => TypedResults.Ok(v)).Or<Refusals.ConflictOrTooMany>())
            .WithTags("Notifications")
            .WithSummary("Let the other member know you're thinking of them: a discreet \"Something new in Hearth\" if they get such notifications. The answer never says whether it reached them. At most one every few hours (429 with Retry-After); 409 while you're alone in the space.");
        return space;
    }
}
