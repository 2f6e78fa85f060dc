namespace Hearth.Web.Pair;

/// <summary>The kernel's own services: the pair as every feature sees it.</summary>
public static class PairServices
{
    public static IServiceCollection AddPair(this IServiceCollection services) =>
        services
            .AddScoped<PairSpaces>()
            .AddScoped<ISexualContentConsent, NoSexualContentConsent>();
}
