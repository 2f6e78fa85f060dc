using System.CommandLine;
using Hearth.Web.Data;
using Hearth.Web.Features.Counsellors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Operations.Cli;

/// <summary>
/// `hearth counsellors list|add|remove|code` (ADR 46): a practice's operator gives an account the counsellor
/// role, or takes it away. The counsellor registers as anyone does; the role lets pairs invite them.
/// A counsellor has no space of their own: an account in an open space is refused. Taking the role away
/// ends what every pair gave them on their very next request (the role is read per request).
/// `code` prints an invitation code once (ADR 50 §3); the counsellor redeems it at /counsellor/redeem
/// (<see cref="CounsellorCodeService"/>); only its hash is stored.
/// </summary>
internal static class CounsellorVerbs
{
    public static Command Build(Func<ParseResult, OperatorSettings> settings, TextWriter output, TextWriter error)
    {
        var counsellors = new Command("counsellors", "Practice mode: the accounts pairs may invite as their counsellor.");

        var list = new Command("list", "List the counsellors: e-mail, id, and how many pairs' access is active now.");
        list.SetAction((p, ct) => HearthCommand.Guarded(error, () => ListAsync(settings(p), output, error, ct)));
        counsellors.Subcommands.Add(list);

        var addEmail = new Argument<string>("email") { Description = "The e-mail address of the counsellor's account (they register first)." };
        var add = new Command("add", "Make an account a counsellor. It must not be in an open space of its own.") { addEmail };
        add.SetAction((p, ct) => HearthCommand.Guarded(error, () => WithUserAsync(settings(p), p.GetValue(addEmail)!, output, error, AddAsync, ct)));
        counsellors.Subcommands.Add(add);

        var removeEmail = new Argument<string>("email") { Description = "The e-mail address of the counsellor's account." };
        var remove = new Command("remove", "Take the counsellor role away; every pair's access to them ends now. The account stays.") { removeEmail };
        remove.SetAction((p, ct) => HearthCommand.Guarded(error, () => WithUserAsync(settings(p), p.GetValue(removeEmail)!, output, error, RemoveAsync, ct)));
        counsellors.Subcommands.Add(remove);

        var days = new Option<int?>("--days") { Description = $"How many days the code works ({CounsellorRules.CodeMinDays}-{CounsellorRules.CodeMaxDays}; {CounsellorRules.CodeDefaultDays} if not given)." };
        var code = new Command("code", "Print a new invitation code, once: whoever redeems it at /counsellor/redeem, signed in and in no space of their own, becomes a counsellor. Only its hash is kept.") { days };
        code.SetAction((p, ct) => HearthCommand.Guarded(error, () => CodeAsync(settings(p), p.GetValue(days), output, error, ct)));
        counsellors.Subcommands.Add(code);
        return counsellors;
    }

    private static async Task<int> CodeAsync(OperatorSettings settings, int? requested, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var days = requested ?? CounsellorRules.CodeDefaultDays;
        if (days is < CounsellorRules.CodeMinDays or > CounsellorRules.CodeMaxDays)
        {
            await error.WriteLineAsync($"hearth counsellors code: --days must be {CounsellorRules.CodeMinDays} to {CounsellorRules.CodeMaxDays}, not {days}. Nothing was written.");
            return HearthCommand.Usage;
        }

        if (await MissingDatabaseAsync(settings, error))
        {
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();
        var (issued, expires) = await scope.ServiceProvider.GetRequiredService<CounsellorCodeService>().IssueAsync(days, ct);
        await output.WriteLineAsync(issued);
        await output.WriteLineAsync($"This counsellor invitation code works once, until {expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({days} day(s)). It is shown only now: Hearth keeps just its hash.");
        await output.WriteLineAsync("Give it to the counsellor. They register (or sign in) with an account that is in no space of its own, open /counsellor/redeem and enter the code; pairs can then invite them by their e-mail address. (Practice mode must be on: Hearth:Practice:Enabled.)");
        return HearthCommand.Done;
    }

    private static async Task<int> ListAsync(OperatorSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (await MissingDatabaseAsync(settings, error))
        {
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var roleId = await CounsellorRole.IdAsync(db, create: false, ct);
        var rows = roleId is null ? [] : await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId))
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                Active = db.Set<CounsellorGrant>().IgnoreQueryFilters().Count(g => g.CounsellorUserId == u.Id && g.EndedAt == null && g.ActivatedAt != null && g.ExpiresAt > now),
            })
            .ToListAsync(ct);
        await output.WriteLineAsync("EMAIL\tID\tACTIVE PAIRS");
        foreach (var row in rows)
        {
            await output.WriteLineAsync($"{row.Email}\t{row.Id:N}\t{row.Active}");
        }

        await output.WriteLineAsync($"{rows.Count} counsellor(s).");
        return HearthCommand.Done;
    }

    private static async Task<int> AddAsync(IServiceProvider services, HearthUser user, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var db = services.GetRequiredService<HearthDbContext>();

        // Under the account's lock (ADR 55): a space the person starts at this moment waits, or makes this refuse.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.AccountAsync(db, user.Id, ct);
        var open = await CounsellorRole.OpenSpacesAsync(db, user.Id, ct);
        if (open > 0)
        {
            await error.WriteLineAsync($"hearth counsellors add: {user.Email} is in {open} open space(s) of their own; a counsellor has none. Ask them to use another account for counselling. Nothing was changed.");
            return HearthCommand.Refused;
        }

        await CounsellorRole.GiveAsync(db, user.Id, ct);
        await tx.CommitAsync(ct);

        await output.WriteLineAsync($"{user.Email} is a counsellor: pairs on this Hearth may invite them. They see nothing until both members of a pair agree. (Practice mode must be on: Hearth:Practice:Enabled.)");
        return HearthCommand.Done;
    }

    private static async Task<int> RemoveAsync(IServiceProvider services, HearthUser user, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var db = services.GetRequiredService<HearthDbContext>();
        var roleId = await CounsellorRole.IdAsync(db, create: false, ct);
        var removed = roleId is null ? 0 : await db.UserRoles.Where(r => r.UserId == user.Id && r.RoleId == roleId).ExecuteDeleteAsync(ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ended = await db.Set<CounsellorGrant>().IgnoreQueryFilters()
            .Where(g => g.CounsellorUserId == user.Id && g.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.EndedAt, now), ct);
        await output.WriteLineAsync(removed == 0
            ? $"{user.Email} was not a counsellor. Nothing was changed."
            : $"{user.Email} is no longer a counsellor; {ended} pair(s)' access or invitation ended now.");
        return HearthCommand.Done;
    }

    private static async Task<int> WithUserAsync(
        OperatorSettings settings, string email, TextWriter output, TextWriter error,
        Func<IServiceProvider, HearthUser, TextWriter, TextWriter, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"hearth counsellors: '{email}' is not an e-mail address.");
            return HearthCommand.Usage;
        }

        if (await MissingDatabaseAsync(settings, error))
        {
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<HearthUser>>();
        var user = await manager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await error.WriteLineAsync($"hearth counsellors: no account has the e-mail address {email.Trim()}. The counsellor registers first; nothing was changed.");
            return HearthCommand.Refused;
        }

        return await work(scope.ServiceProvider, user, output, error, ct);
    }

    private static async Task<bool> MissingDatabaseAsync(OperatorSettings settings, TextWriter error)
    {
        var options = settings.Options();
        var paths = OperatorSettings.Paths(options);
        if (DatabaseSetup.IsPostgres(options.Database) || File.Exists(paths.SqliteFile))
        {
            return false;
        }

        await error.WriteLineAsync($"hearth counsellors: there is no Hearth database at {paths.SqliteFile}. Use --data for the data folder the server uses.");
        return true;
    }
}
