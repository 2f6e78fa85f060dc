using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hearth.DesignTime;

/// <summary>
/// Used only by `dotnet ef` to build each provider's model; the connection strings are never opened.
/// Identity reads its schema version (v3: passkeys) from the application's services, so the
/// factories give the context the same Identity options the app uses.
/// </summary>
internal static class DesignTimeServices
{
    public static IServiceProvider Identity { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}

internal sealed class SqliteFactory : IDesignTimeDbContextFactory<SqliteHearthDbContext>
{
    public SqliteHearthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHearthDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(DesignTimeServices.Identity)
            .Options);
}

internal sealed class PostgresFactory : IDesignTimeDbContextFactory<PostgresHearthDbContext>
{
    public PostgresHearthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHearthDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .UseApplicationServiceProvider(DesignTimeServices.Identity)
            .Options);
}

internal static class Program
{
    private static void Main() =>
        Console.WriteLine("Design-time host for dotnet ef. Use tools/add-migration.sh; see docs/adr/0002-migrations-per-provider.md.");
}
