using Hearth.Web.Hosting;

namespace Hearth.Web.Features.DataRights;

/// <summary>Data rights: export, import and account deletion.</summary>
public static class DataRightsFeature
{
    // Its services: AddDataRights (DataRightsEndpoints.cs), one line per kind of personal data.
    public static void MapDataRights(this HearthRoutes routes) => routes.Api.MapDataRightsApi();
}
