using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Assessments;

/// <summary>The closeness assessment: rounds, results, the shared map and the private safety questions.</summary>
public static class AssessmentsFeature
{
    public static IServiceCollection AddAssessments(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddScoped<AssessmentService>()
            .AddPersonalDataKind<AssessmentData>()
            .Configure<SafetyOptions>(configuration.GetSection(SafetyOptions.Section))

            // The dimensions the pair marked as priorities, for the daily features.
            .AddScoped<IPriorityDimensions, SharedPriorityDimensions>();

    public static void MapAssessments(this HearthRoutes routes) => routes.Space.MapAssessmentApi();
}
