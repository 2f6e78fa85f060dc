using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Memories;
using Hearth.Core.Prompts;
using Hearth.Core.QualityTime;
using Hearth.Core.Rituals;
using Hearth.Core.Spaces;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.QualityTime;
using Hearth.Web.Features.Rituals;
using Hearth.Web.Hosting;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Hearth.Bench.Seeder;

/// <summary>
/// Seeds Hearth's database with realistic pairs, written with the app's own DbContext, data keys
/// (MemberKeyring's format, wrapped by the same Data Protection key ring) and FieldCipher contexts,
/// so the running app reads everything back exactly as if members had typed it.
///
///   seed    --data DIR [--provider sqlite|postgres --connection CS] --spaces N --weeks W [--batch B]
///   cookies --data DIR [--provider ... --connection ...] --count N --out FILE [--skip S]
///
/// "cookies" starts N server-side sessions for seeded members (one per member, members of the first
/// spaces first) and writes "spaceId cookie" lines: the same ticket the sign-in endpoint would set,
/// minted with the app's cookie options. It exists so the load script can rotate thousands of
/// members for the once-a-week check-in write without thousands of PBKDF2 sign-ins.
/// </summary>
public static class Program
{
    /// <summary>Every seeded member's passphrase (the load script signs in with it).</summary>
    public const string Passphrase = "bench hearth passphrase, long enough";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: seed|cookies --data DIR [--provider sqlite|postgres --connection CS] ...");
            return 2;
        }

        var command = args[0];
        var opts = Options.Parse(args.Skip(1));
        await using var app = BuildHost(opts);
        var clock = Stopwatch.StartNew();
        await app.Services.PrepareHearthDatabaseAsync();
        Console.Error.WriteLine($"database ready in {clock.Elapsed.TotalSeconds:F1} s");
        return command switch
        {
            "seed" => await SeedAsync(app.Services, opts),
            "cookies" => await CookiesAsync(app.Services, opts),
            _ => 2,
        };
    }

    private static WebApplication BuildHost(Options opts)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production", ApplicationName = typeof(Hearth.Web.Hosting.HearthHosting).Assembly.GetName().Name });
        var settings = new Dictionary<string, string?>
        {
            ["Hearth:DataDirectory"] = opts.Data,
            ["Hearth:Database:Provider"] = opts.Provider,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        if (opts.Connection is not null)
        {
            settings["Hearth:Database:ConnectionString"] = opts.Connection;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders(); // stdout carries only the seeding summary (JSON)
        builder.AddHearth();
        var app = builder.Build();

        // The cookie options name the sign-in page by its page name (ADR 20), so the pages must be
        // known to link generation: the application is Hearth.Web (whose pages MVC then finds), and
        // UseEndpoints hands the mapped pages over, as the server does when its pipeline is built at
        // start (this host never starts). Without both `cookies` stopped with "the page
        // /Accounts/SignIn is not mapped yet".
        app.UseRouting();
        app.MapHearth();
        app.UseEndpoints(_ => { });
        return app;
    }

    // ---------------------------------------------------------------- seed

    private static async Task<int> SeedAsync(IServiceProvider services, Options opts)
    {
        var total = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var passwordHash = new PasswordHasher<HearthUser>().HashPassword(new HearthUser(), Passphrase);
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(MemberKeyring.Purpose);
        var rows = 0L;
        for (var start = opts.Start; start < opts.Start + opts.Spaces; start += opts.Batch)
        {
            var count = Math.Min(opts.Batch, opts.Start + opts.Spaces - start);
            rows += await SeedBatchAsync(services, start, count, opts.Weeks, now, passwordHash, protector);
            if ((start - opts.Start) / opts.Batch % 10 == 0)
            {
                Console.Error.WriteLine($"  {start - opts.Start + count}/{opts.Spaces} spaces, {rows} rows, {total.Elapsed.TotalSeconds:F0} s");
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            spaces = opts.Spaces,
            weeks = opts.Weeks,
            provider = opts.Provider,
            rows,
            seconds = Math.Round(total.Elapsed.TotalSeconds, 1),
        }));
        return 0;
    }

    private sealed record Member(HearthUser User, string Name);

    private static async Task<long> SeedBatchAsync(IServiceProvider root, int start, int count, int weeks, DateTimeOffset now, string passwordHash, IDataProtector protector)
    {
        using var scope = root.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync();
        if (db.Database.IsSqlite())
        {
            // Seeding only: the app itself keeps its own (safe) settings.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;");
        }

        var rng = new Random(start + 1);
        var rowCount = 0L;
        var pairs = new List<(Space Space, Member A, Member B)>(count);

        // Accounts and data keys first: FieldCipher reads the keys back through MemberKeyring.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            for (var i = start; i < start + count; i++)
            {
                var a = NewUser(i, "a", passwordHash, now.AddDays(-7 * weeks - 14));
                var b = NewUser(i, "b", passwordHash, now.AddDays(-7 * weeks - 13));
                db.Users.AddRange(a.User, b.User);
                db.MemberKeys.AddRange(
                    new MemberKey { UserId = a.User.Id, WrappedKey = protector.Protect(RandomNumberGenerator.GetBytes(32)), CreatedAt = a.User.CreatedAt },
                    new MemberKey { UserId = b.User.Id, WrappedKey = protector.Protect(RandomNumberGenerator.GetBytes(32)), CreatedAt = b.User.CreatedAt });
                var space = new Space
                {
                    Id = Guid.CreateVersion7(),
                    Kind = (RelationshipKind)(i % 3 == 0 ? 2 : 1),
                    CreatedByUserId = a.User.Id,
                    CreatedAt = a.User.CreatedAt.AddHours(1),
                };
                db.Spaces.Add(space);
                pairs.Add((space, a, b));
                rowCount += 5;
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            foreach (var (space, a, b) in pairs)
            {
                rowCount += await SeedSpaceAsync(db, cipher, rng, space, a, b, weeks, now);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        return rowCount;
    }

    private static Member NewUser(int index, string which, string passwordHash, DateTimeOffset createdAt)
    {
        var email = Email(index, which);
        var name = (which == "a" ? "Alex " : "Sam ") + index.ToString(CultureInfo.InvariantCulture);
        return new Member(
            new HearthUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                DisplayName = name,
                CreatedAt = createdAt,
                TimeZoneId = "Etc/UTC",
            },
            name);
    }

    public static string Email(int index, string which) => $"bench{index.ToString(CultureInfo.InvariantCulture)}{which}@example.test";

    private static async Task<long> SeedSpaceAsync(HearthDbContext db, FieldCipher cipher, Random rng, Space space, Member a, Member b, int weeks, DateTimeOffset now)
    {
        var rows = 0L;
        var joined = space.CreatedAt;
        var ma = new Membership { Id = Guid.CreateVersion7(), SpaceId = space.Id, UserId = a.User.Id, JoinedAt = joined };
        ma.LabelCiphertext = await cipher.EncryptAsync("Us", new CipherContext("Memberships", "Label", ma.Id, a.User.Id));
        var mb = new Membership { Id = Guid.CreateVersion7(), SpaceId = space.Id, UserId = b.User.Id, JoinedAt = joined.AddHours(2) };
        db.AddRange(ma, mb);
        db.Add(new SpaceSettings { SpaceId = space.Id, TimeZoneId = "Etc/UTC", DailyGoalMinutes = 20, UpdatedAt = joined });
        var ritual = new SpaceRitual { SpaceId = space.Id, Day = 7, MinuteOfDay = 19 * 60, TimeZoneId = "Etc/UTC", UpdatedAt = joined };
        db.Add(ritual);
        rows += 4;

        // Weekly check-ins: both members, every week before the current one (the current week stays
        // open so the load script's submits are all valid), as CheckInService stores them.
        var rule = ritual.ToRitual();
        var nowInstant = Instant.FromDateTimeOffset(now);
        var current = PairWeek.WeekOf(nowInstant, rule).Key;
        var content = CheckInContent.Weekly;
        var mood = 6.0 + rng.NextDouble() * 2;
        for (var k = weeks; k >= 1; k--)
        {
            var week = current.PlusWeeks(-k);
            mood = Math.Clamp(mood + (rng.NextDouble() - 0.5), 2, 10);
            foreach (var member in new[] { a, b })
            {
                var record = new CheckInRecord(
                    week,
                    content.Version,
                    (int)Math.Round(mood),
                    Math.Clamp((int)Math.Round(mood * 0.7), 1, 7),
                    rng.Next(3, 8),
                    rng.Next(0, 600),
                    rng.Next(0, 6),
                    rng.Next(1, 8),
                    rng.Next(6) == 0,
                    rng.Next(4) == 0 ? "More walks after dinner, less scrolling in bed." : null,
                    null);
                db.Add(await cipher.NewRowAsync(space.Id, member.User.Id, record, week.AtMidnight().InUtc().ToDateTimeOffset().AddHours(19 + rng.Next(0, 48))));
                rows++;
            }
        }

        // Assessments: two finished rounds each (at the start and half-way), every dimension shared.
        var items = AssessmentContent.Baseline.ItemsFor(space.Kind, sexualOptIn: false);
        foreach (var member in new[] { a, b })
        {
            for (var round = 1; round <= 2; round++)
            {
                var completed = now.AddDays(-7 * (round == 1 ? weeks : Math.Max(1, weeks / 2)) + 1);
                var answers = items.ToDictionary(p => p.Item.Id, p => Answer.Of(rng.Next(p.Item.Scale.Min, p.Item.Scale.Max + 1)), StringComparer.Ordinal);
                var response = new AssessmentResponse
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = space.Id,
                    UserId = member.User.Id,
                    Round = round,
                    ContentVersion = AssessmentContent.Baseline.Version,
                    Kind = space.Kind,
                    StartedAt = completed.AddMinutes(-9),
                    CompletedAt = completed,
                    SharedDimensions = AssessmentDocument.AllDimensionsMask,
                    ShareCareWays = true,
                };
                response.AnswersCiphertext = await cipher.EncryptAnswersAsync(response, answers);
                db.Add(response);
                rows++;
            }
        }

        // Today's question: the last four weeks answered by both (older days are not kept longer in this seed).
        var today = nowInstant.InUtc().Date;
        var prompts = PromptCatalog.Default.Prompts;
        for (var d = Math.Min(28, weeks * 7); d >= 1; d--)
        {
            var date = today.PlusDays(-d);
            var day = new PromptDay
            {
                Id = Guid.CreateVersion7(),
                SpaceId = space.Id,
                Date = date.ToDateOnly(),
                PromptId = prompts[rng.Next(prompts.Count)].Id,
                Explanation = "A light question to start the day.",
                CreatedAt = date.AtMidnight().InUtc().ToDateTimeOffset().AddHours(8),
            };
            db.Add(day);
            rows++;
            foreach (var member in new[] { a, b })
            {
                var response = new PromptResponse { Id = Guid.CreateVersion7(), SpaceId = space.Id, PromptDayId = day.Id, UserId = member.User.Id, RespondedAt = day.CreatedAt.AddHours(rng.Next(1, 12)) };
                if (rng.Next(5) == 0)
                {
                    response.Skipped = true;
                }
                else
                {
                    response.AnswerCiphertext = await cipher.EncryptAsync("The way you laughed at breakfast.", new CipherContext("PromptResponses", "Answer", response.Id, member.User.Id));
                }

                db.Add(response);
                rows++;
            }
        }

        // Time together: one entry a week over the last year.
        for (var k = Math.Min(52, weeks); k >= 1; k--)
        {
            var day = current.PlusWeeks(-k).PlusDays(rng.Next(0, 7));
            db.Add(new TimeTogether
            {
                Id = Guid.CreateVersion7(),
                SpaceId = space.Id,
                Source = QualityTimeSource.Manual,
                Day = day.ToDateOnly(),
                Seconds = 60 * rng.Next(15, 121),
                LoggedByUserId = k % 2 == 0 ? a.User.Id : b.User.Id,
                CreatedAt = day.AtMidnight().InUtc().ToDateTimeOffset().AddHours(21),
            });
            rows++;
        }

        // Notes: one a month over the last year, alternating, all read.
        for (var m = Math.Min(12, Math.Max(1, weeks / 4)); m >= 1; m--)
        {
            var (from, to) = m % 2 == 0 ? (a, b) : (b, a);
            var note = new Note
            {
                Id = Guid.CreateVersion7(),
                SpaceId = space.Id,
                FromUserId = from.User.Id,
                ToUserId = to.User.Id,
                Kind = m % 3 == 0 ? Hearth.Core.Appreciation.NoteKind.ThinkingOfYou : Hearth.Core.Appreciation.NoteKind.Appreciation,
                SentAt = now.AddDays(-30 * m),
                ReadAt = now.AddDays(-30 * m).AddHours(3),
            };
            note.TextCiphertext = await cipher.EncryptAsync("Thank you for making the evening easy.", new CipherContext("Notes", "Text", note.Id, from.User.Id));
            db.Add(note);
            rows++;
        }

        // Memories: one a quarter over the whole history, shared.
        for (var q = Math.Max(1, weeks / 13); q >= 1; q--)
        {
            var author = q % 2 == 0 ? a : b;
            var memory = new Memory
            {
                Id = Guid.CreateVersion7(),
                SpaceId = space.Id,
                AuthorUserId = author.User.Id,
                Date = today.PlusWeeks(-13 * q).ToDateOnly(),
                Kind = MemoryKind.First,
                Shared = true,
                CreatedAt = now.AddDays(-91 * q),
                UpdatedAt = now.AddDays(-91 * q),
            };
            memory.TitleCiphertext = await cipher.EncryptAsync("The lake in the rain", new CipherContext("Memories", "Title", memory.Id, author.User.Id));
            memory.TextCiphertext = await cipher.EncryptAsync("We got soaked and did not mind at all.", new CipherContext("Memories", "Text", memory.Id, author.User.Id));
            db.Add(memory);
            rows++;
        }

        return rows;
    }

    // ---------------------------------------------------------------- cookies

    private static async Task<int> CookiesAsync(IServiceProvider services, Options opts)
    {
        var clock = Stopwatch.StartNew();
        var cookieOptions = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<HearthUser>>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // The seeder leaves every pair's current week open, so any check-in in it was sent by an earlier
        // load run: take those back, so every member can check in again (20,000 members are used up in
        // three runs otherwise, until the week turns). The week is worked out as the app does, per ritual.
        var nowInstant = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var rituals = await db.Set<SpaceRitual>().IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var reopened = 0;
        foreach (var week in rituals.GroupBy(r => PairCalendar.ToDateOnly(PairWeek.WeekOf(nowInstant, r.ToRitual()).Key)))
        {
            var spaceIds = week.Select(r => r.SpaceId).ToList();
            reopened += await db.Set<WeeklyCheckIn>().IgnoreQueryFilters()
                .Where(c => spaceIds.Contains(c.SpaceId) && c.Week >= week.Key)
                .ExecuteDeleteAsync();
        }

        Console.Error.WriteLine($"{reopened} check-ins from earlier load runs taken back");

        // Members of the spaces in seeding order (space ids are version-7 Guids: creation order).
        var members = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(m => m.SpaceId).ThenBy(m => m.JoinedAt)
            .Skip(opts.Skip).Take(opts.Count)
            .Select(m => new { m.SpaceId, m.UserId })
            .ToListAsync();
        var users = (await db.Users.AsNoTracking().Where(u => members.Select(m => m.UserId).Contains(u.Id)).ToListAsync()).ToDictionary(u => u.Id);
        var now = DateTimeOffset.UtcNow;
        var lines = new List<string>(members.Count);
        foreach (var m in members)
        {
            var session = new UserSession { Id = Guid.CreateVersion7(), UserId = m.UserId, CreatedAt = now, LastSeenAt = now, ClientLabel = "Load test" };
            db.UserSessions.Add(session);

            // What AccountService.CompleteSignInAsync puts in the cookie.
            var principal = await factory.CreateAsync(users[m.UserId]);
            var identity = (ClaimsIdentity)principal.Identity!;
            identity.AddClaim(new Claim(CurrentMember.SessionClaim, session.Id.ToString()));
            identity.AddClaim(new Claim(CurrentMember.SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim("amr", "pwd"));
            var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.Add(cookieOptions.ExpireTimeSpan), AllowRefresh = true };
            var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), properties, IdentityConstants.ApplicationScheme);
            lines.Add($"{m.SpaceId} {cookieOptions.Cookie.Name}={cookieOptions.TicketDataFormat.Protect(ticket)}");
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        await File.WriteAllLinesAsync(opts.Out ?? "cookies.txt", lines);
        Console.Error.WriteLine($"{lines.Count} sessions and cookies in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private sealed class Options
    {
        public string Data { get; private set; } = "bench-data";

        public string Provider { get; private set; } = "sqlite";

        public string? Connection { get; private set; }

        public int Spaces { get; private set; } = 10;

        public int Weeks { get; private set; } = 8;

        public int Start { get; private set; }

        public int Batch { get; private set; } = 50;

        public int Count { get; private set; } = 100;

        public int Skip { get; private set; }

        public string? Out { get; private set; }

        public static Options Parse(IEnumerable<string> args)
        {
            var o = new Options();
            using var e = args.GetEnumerator();
            while (e.MoveNext())
            {
                var key = e.Current;
                if (!e.MoveNext())
                {
                    throw new ArgumentException($"{key} needs a value");
                }

                var value = e.Current;
                switch (key)
                {
                    case "--data": o.Data = value; break;
                    case "--provider": o.Provider = value; break;
                    case "--connection": o.Connection = value; break;
                    case "--spaces": o.Spaces = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--weeks": o.Weeks = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--start": o.Start = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--batch": o.Batch = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--count": o.Count = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--skip": o.Skip = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--out": o.Out = value; break;
                    default: throw new ArgumentException($"unknown option {key}");
                }
            }

            return o;
        }
    }
}
