using Hearth.Web.Features.Notifications;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hearth.Web.Tests.Notifications;

/// <summary>Hearth whose push client reaches the local fake push service (and trusts its certificate), which it may name as a push service host.</summary>
public interface IPushFactory
{
    FakePushService Push { get; }
}

internal static class PushHosting
{
    public static void UseFakePush(IWebHostBuilder builder, FakePushService push)
    {
        builder.UseSetting("Push:AllowedHosts:100", "127.0.0.1");
        // E-mail reminders from the outbox (by default only with SMTP): the tests read the .eml files.
        builder.UseSetting("Email:Reminders", "on");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(new PushHttp(push.TrustingHandler()))));
    }
}

public sealed class PushSqliteFactory : SqliteHearthFactory, IPushFactory
{
    public FakePushService Push { get; } = FakePushService.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PushHosting.UseFakePush(builder, Push);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Push.DisposeAsync();
    }
}

public sealed class PushPostgresFactory : PostgresHearthFactory, IPushFactory
{
    public FakePushService Push { get; } = FakePushService.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PushHosting.UseFakePush(builder, Push);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Push.DisposeAsync();
    }
}
