using System.Net;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Accounts;

/// <summary>
/// Identity re-checks the security stamp every minute and rebuilds the sign-in principal; the session
/// claim must survive that, or people are signed out after a minute of use.
/// </summary>
public sealed class SessionRefreshTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task A_session_survives_the_periodic_security_stamp_check()
    {
        var ana = await Person.RegisterAsync(factory);
        for (var i = 0; i < 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(2));
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.GetAsync(new Uri("/api/v1/spaces", UriKind.Relative)));
        }
    }
}
