using Hearth.Web.Background;
using Hearth.Web.Features.Operations;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Operations;

/// <summary>Hearth with automatic backups on, keeping two.</summary>
public sealed class AutomaticBackupFactory : SqliteHearthFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hearth:Backups:Enabled", "true");
        builder.UseSetting("Hearth:Backups:Keep", "2");
    }
}

/// <summary>Automatic backups: one per slot across instances (the slot is claimed as housekeeping's are), the newest Keep kept, each one restorable.</summary>
[Slow("writes and restores several backups")]
public sealed class AutomaticBackupTests
{
    [Fact]
    public async Task Each_slot_is_backed_up_once_the_newest_are_kept_and_they_restore()
    {
        await using var factory = new AutomaticBackupFactory();
        var ana = await Person.RegisterAsync(factory);
        var backups = factory.Services.GetRequiredService<AutomaticBackups>();
        var first = Housekeeping.SlotOf(factory.Clock.GetUtcNow(), backups.Interval);

        Assert.Equal(SlotOutcome.Ran, await backups.RunSlotAsync(first, "a"));
        Assert.Equal(SlotOutcome.AlreadyDone, await backups.RunSlotAsync(first, "b"));
        Assert.Equal(SlotOutcome.Ran, await backups.RunSlotAsync(first + backups.Interval, "b"));
        Assert.Equal(SlotOutcome.Ran, await backups.RunSlotAsync(first + (2 * backups.Interval), "a"));

        var kept = Directory.GetFiles(backups.Folder, "*.tar.gz").Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"hearth-{first + backups.Interval:yyyyMMdd-HHmm}.tar.gz", $"hearth-{first + (2 * backups.Interval):yyyyMMdd-HHmm}.tar.gz"], kept.Select(f => Path.GetFileName(f)!).ToArray());

        var restored = Verbs.NewFolder();
        var restore = await Verbs.OnFolderAsync(restored, "restore", kept[^1]);
        Assert.True(restore.Code == 0, restore.Said);
        await using var second = Verbs.Over(restored, factory);
        await new Person(second, second.NewClient(), ana.Email, ana.Password, ana.Name).SignInAsync();
    }
}
