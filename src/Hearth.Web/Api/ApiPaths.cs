namespace Hearth.Web.Api;

public static class ApiPaths
{
    public const string Prefix = "/api/v1";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(string path) => new PathString(path).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
