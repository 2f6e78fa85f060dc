namespace Hearth.Web.Features.Shared;

/// <summary>What several features share: one submission, one item (SubmissionGuard).</summary>
public static class SharedFeature
{
    public static IServiceCollection AddShared(this IServiceCollection services) =>
        services.AddScoped<SubmissionGuard>();

    // The page words are part of the pages (AddHearthPages); nothing here has endpoints.
}
