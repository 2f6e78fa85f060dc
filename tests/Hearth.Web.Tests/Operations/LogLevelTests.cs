using Hearth.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hearth.Web.Tests.Operations;

/// <summary>
/// The shipped settings (appsettings.json: Information, Microsoft.AspNetCore and EF Core at Warning)
/// are the levels a running Hearth logs at: no filter of our own may widen them to Debug. It once did
/// (a catch-all filter rule outranked "Default"), and every /health request wrote five debug lines:
/// most of what a request cost on a small machine.
/// </summary>
public sealed class LogLevelTests
{
    public static TheoryData<string> Categories =>
    [
        "Hearth.Web.Api.ApiExceptionHandler",
        "Hearth.Database",
        "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService",
        "Microsoft.Extensions.Hosting.Internal.Host",
        "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler",
        "Microsoft.EntityFrameworkCore.Database.Command",
        "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager",
    ];

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task Debug_lines_are_off_under_the_shipped_settings(string category)
    {
        await using var factory = new SqliteHearthFactory();
        _ = factory.Server;
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        Assert.False(logger.IsEnabled(LogLevel.Debug), $"{category} logs Debug lines");
        Assert.False(logger.IsEnabled(LogLevel.Trace), $"{category} logs Trace lines");
    }

    [Fact]
    public async Task Hearths_own_information_and_warnings_still_reach_the_log()
    {
        await using var factory = new SqliteHearthFactory();
        _ = factory.Server;
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hearth.Database");
        Assert.True(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }
}
