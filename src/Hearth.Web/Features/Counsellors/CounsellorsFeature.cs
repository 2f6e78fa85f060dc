using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Counsellors;

/// <summary>Practice mode (ADR 46): a counsellor the pair invites, consented by both, read-only, time-limited.</summary>
public static class CounsellorsFeature
{
    public static IServiceCollection AddCounsellors(this IServiceCollection services)
    {
        services.AddScoped<CounsellorGrantService>().AddScoped<CounsellorViewService>().AddScoped<CounsellorSuggestionService>().AddScoped<CounsellorCodeService>()
            .AddPersonalDataKind<CounsellorGrantData>().AddPersonalDataKind<CounsellorLookData>().AddPersonalDataKind<CounsellorSuggestionData>();

        // Every page in this folder exists only in practice mode (PracticeGate).
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddFolderApplicationModelConvention(
            "/Counsellors", model => model.EndpointMetadata.Add(PracticeOnlyMetadata.Instance)));
        return services;
    }

    public static void MapCounsellors(this HearthRoutes routes)
    {
        routes.Space.MapSpaceCounsellorApi();
        routes.Api.MapCounsellorApi();
    }
}
