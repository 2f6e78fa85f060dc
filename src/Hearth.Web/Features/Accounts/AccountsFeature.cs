using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Accounts;

/// <summary>Accounts: sign up, sign in and out, passphrase reset, and a person's own settings.</summary>
public static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services
            .AddScoped<AccountService>()
            .AddScoped<AccountSettingsService>();

    public static void MapAccounts(this HearthRoutes routes)
    {
        routes.Api.MapAccountApi();
        AccountSettingsService.MapAccountSettingsApi(routes.Api);
    }
}
