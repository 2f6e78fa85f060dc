using System.CommandLine;
using Hearth.Web.Data;
using Hearth.Web.Features.DataRights;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Operations.Cli;

/// <summary>
/// `hearth users list|disable|enable|remove`: what an operator does at a person's request. Disabling
/// pauses the account (Identity's lockout, without end) and ends its sessions at once; removing is the
/// app's own account deletion (<see cref="AccountErasure"/>): the same rows, the same crypto-shredding.
/// </summary>
internal static class UserVerbs
{
    /// <summary>A pause without end: far enough, and a date both databases store as it is.</summary>
    public static readonly DateTimeOffset Paused = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Command Build(Func<ParseResult, OperatorSettings> settings, TextWriter output, TextWriter error)
    {
        var users = new Command("users", "The accounts on this Hearth: list them, pause or resume one, remove one at its owner's request.");

        var list = new Command("list", "List every account: e-mail, id, created, state, spaces.");
        list.SetAction((p, ct) => HearthCommand.Guarded(error, () => ListAsync(settings(p), output, error, ct)));
        users.Subcommands.Add(list);

        var email = new Argument<string>("email") { Description = "The account's e-mail address." };
        var disable = new Command("disable", "Pause an account: it cannot sign in and its sessions end now. Nothing is deleted.") { email };
        disable.SetAction((p, ct) => HearthCommand.Guarded(error, () => WithUserAsync(settings(p), p.GetValue(email)!, output, error, DisableAsync, ct)));
        users.Subcommands.Add(disable);

        var enableEmail = new Argument<string>("email") { Description = "The account's e-mail address." };
        var enable = new Command("enable", "Resume a paused account.") { enableEmail };
        enable.SetAction((p, ct) => HearthCommand.Guarded(error, () => WithUserAsync(settings(p), p.GetValue(enableEmail)!, output, error, EnableAsync, ct)));
        users.Subcommands.Add(enable);

        var removeEmail = new Argument<string>("email") { Description = "The account's e-mail address." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the account and everything its owner wrote are deleted for good." };
        var remove = new Command("remove", "Delete an account at its owner's request, exactly as they could themselves (their spaces close for the other person).") { removeEmail, yes };
        remove.SetAction((p, ct) => HearthCommand.Guarded(error, () =>
            p.GetValue(yes)
                ? WithUserAsync(settings(p), p.GetValue(removeEmail)!, output, error, RemoveAsync, ct)
                : Refuse(error, "hearth users remove: add --yes to confirm; the account and everything its owner wrote are deleted for good. Nothing was deleted.")));
        users.Subcommands.Add(remove);
        return users;
    }

    private static async Task<int> Refuse(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        return HearthCommand.Usage;
    }

    private static async Task<int> ListAsync(OperatorSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (await MissingDatabaseAsync(settings, error, "list"))
        {
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new
        {
            u.Id,
            u.Email,
            u.CreatedAt,
            u.LockoutEnabled,
            u.LockoutEnd,
            Spaces = db.Memberships.IgnoreQueryFilters().Count(m => m.UserId == u.Id && m.LeftAt == null),
        }).ToListAsync(ct);
        await output.WriteLineAsync("EMAIL\tID\tCREATED\tSTATE\tSPACES");
        foreach (var row in rows)
        {
            var state = row.LockoutEnabled && row.LockoutEnd >= Paused ? "disabled" : "active";
            await output.WriteLineAsync($"{row.Email}\t{row.Id:N}\t{row.CreatedAt:yyyy-MM-dd}\t{state}\t{row.Spaces}");
        }

        await output.WriteLineAsync($"{rows.Count} account(s).");
        return HearthCommand.Done;
    }

    private static async Task<int> WithUserAsync(
        OperatorSettings settings, string email, TextWriter output, TextWriter error,
        Func<IServiceProvider, HearthUser, TextWriter, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"hearth users: '{email}' is not an e-mail address.");
            return HearthCommand.Usage;
        }

        if (await MissingDatabaseAsync(settings, error, "users"))
        {
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<HearthUser>>();
        var user = await manager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await error.WriteLineAsync($"hearth users: no account has the e-mail address {email.Trim()}. Nothing was changed ('hearth users list' shows them all).");
            return HearthCommand.Refused;
        }

        return await work(scope.ServiceProvider, user, output, ct);
    }

    private static async Task<int> DisableAsync(IServiceProvider services, HearthUser user, TextWriter output, CancellationToken ct)
    {
        var manager = services.GetRequiredService<UserManager<HearthUser>>();
        await manager.SetLockoutEnabledAsync(user, true);
        await manager.SetLockoutEndDateAsync(user, Paused);
        var ended = await services.GetRequiredService<HearthDbContext>().UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
        await output.WriteLineAsync($"Paused {user.Email}: it cannot sign in, and {ended} session(s) ended. 'hearth users enable' resumes it.");
        return HearthCommand.Done;
    }

    private static async Task<int> EnableAsync(IServiceProvider services, HearthUser user, TextWriter output, CancellationToken ct)
    {
        var manager = services.GetRequiredService<UserManager<HearthUser>>();
        await manager.SetLockoutEndDateAsync(user, null);
        await manager.SetLockoutEnabledAsync(user, false);
        await output.WriteLineAsync($"Resumed {user.Email}: it can sign in again.");
        return HearthCommand.Done;
    }

    private static async Task<int> RemoveAsync(IServiceProvider services, HearthUser user, TextWriter output, CancellationToken ct)
    {
        await services.GetRequiredService<AccountErasure>().EraseAsync(user.Id, ct);
        await output.WriteLineAsync($"Removed the account {user.Email} and everything its owner wrote; their data key is destroyed. Backups taken before now still hold it until they expire.");
        return HearthCommand.Done;
    }

    private static async Task<bool> MissingDatabaseAsync(OperatorSettings settings, TextWriter error, string verb)
    {
        var options = settings.Options();
        var paths = OperatorSettings.Paths(options);
        if (Data.DatabaseSetup.IsPostgres(options.Database) || File.Exists(paths.SqliteFile))
        {
            return false;
        }

        await error.WriteLineAsync($"hearth users {verb}: there is no Hearth database at {paths.SqliteFile}. Use --data for the data folder the server uses.");
        return true;
    }
}
