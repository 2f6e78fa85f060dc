using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Daily;
using Hearth.Web.Security;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Accounts;

/// <summary>
/// A person's own settings. Today: their time zone, which a space they start takes as the pair's
/// calendar (the pair can change the space's zone later, on the space's settings).
/// </summary>
public sealed class AccountSettingsService(HearthDbContext db, CurrentMember current, IStringLocalizer<AccountsText> text)
{
    public async Task<AccountSettingsView> GetAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var zone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).FirstAsync(ct);
        return new AccountSettingsView(zone);
    }

    public async Task<Outcome<AccountSettingsView>> UpdateAsync(AccountSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var me = current.RequireUserId();
        var zone = input.TimeZoneId?.Trim();
        if (!TimeZones.IsKnown(zone))
        {
            return Outcome<AccountSettingsView>.Invalid("timeZoneId", text["TimeZoneUnknown"]);
        }

        await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, zone!), ct);
        return Outcome<AccountSettingsView>.Ok(await GetAsync(ct));
    }

    public static RouteGroupBuilder MapAccountSettingsApi(RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/account/settings").WithTags("Account").RequireAuthorization();
        settings.MapGet("/", async (AccountSettingsService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(ct)))
            .WithSummary("Your own settings: your time zone.");
        settings.MapPut("/", async (AccountSettingsInput input, AccountSettingsService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(input, ct), s => TypedResults.Ok(s)))
            .WithSummary("Change your time zone (an IANA id such as Europe/Lisbon).");
        return api;
    }
}
