namespace Hearth.Web.Tests.Infrastructure;

/// <summary>
/// Which real components this machine offers tests. Browser and PostgreSQL tests skip with a visible
/// reason where the component is missing, unless CI asks for them (HEARTH_REQUIRE_POSTGRES=1,
/// HEARTH_REQUIRE_BROWSER=1): then a missing component fails the run instead of skipping.
/// </summary>
public static class TestEnvironment
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("HEARTH_TEST_POSTGRES");

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("HEARTH_REQUIRE_POSTGRES") == "1";

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("HEARTH_REQUIRE_BROWSER") == "1";

    /// <summary>Skips (or, when required, fails) the current test with the reason.</summary>
    public static void Unavailable(string reason, bool required)
    {
        if (required)
        {
            Assert.Fail($"Required but unavailable: {reason}");
        }

        Assert.Skip(reason);
    }
}
