namespace Hearth.Web.Features.Invitations;

/// <summary>Invitations: single-use links to join a space.</summary>
public static class InvitationsFeature
{
    public static IServiceCollection AddInvitations(this IServiceCollection services) =>
        services
            .AddSingleton<InvitationTokens>()
            .AddScoped<InvitationService>();

    // The invitation endpoints belong to a space: Spaces maps them (SpaceEndpoints).
}
