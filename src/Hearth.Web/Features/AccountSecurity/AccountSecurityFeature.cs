using Hearth.Web.Hosting;

namespace Hearth.Web.Features.AccountSecurity;

/// <summary>Account security: signed-in devices, the authenticator app and passkeys (the user store is Identity's, in Security/SecurityServices.cs).</summary>
public static class AccountSecurityFeature
{
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services) =>
        services
            .AddScoped<SessionService>()
            .AddScoped<TwoFactorService>()
            .AddScoped<Accounts.ISecondSignInStep>(sp => sp.GetRequiredService<TwoFactorService>())
            .AddScoped<PasskeyService>();

    public static void MapAccountSecurity(this HearthRoutes routes) => routes.Api.MapAccountSecurityApi();
}
