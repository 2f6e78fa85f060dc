namespace Hearth.Web.Hosting;

/// <summary>Configuration under "Hearth" (appsettings.json, environment variables such as Hearth__Database__Provider).</summary>
public sealed partial class HearthOptions
{
    public const string Section = "Hearth";

    /// <summary>Folder for the SQLite file, the key ring, the outbox and backups. Default: "data" beside the app.</summary>
    public string? DataDirectory { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Invitations: how many invitation e-mails one account may send per day.</summary>
    public InvitationOptions Invitations { get; set; } = new();

    /// <summary>Where the Data Protection key ring lives (docs/adr/0005). Default: the keys folder in the data folder.</summary>
    public KeyRingOptions KeyRing { get; set; } = new();

    /// <summary>Background work (housekeeping), run once per slot across all instances sharing the database.</summary>
    public BackgroundOptions Background { get; set; } = new();

    /// <summary>What /health checks beyond the database answering (readiness: Hearth can save).</summary>
    public HealthOptions Health { get; set; } = new();

    /// <summary>Practice mode (ADR 46): counsellors a pair may invite. Off by default; then every counsellor page and endpoint is 404.</summary>
    public Features.Counsellors.PracticeOptions Practice { get; set; } = new();

    /// <summary>A name for this instance in logs and in the record of background runs. Default: machine name and process id.</summary>
    public string? InstanceName { get; set; }

    /// <summary>Where quick exit goes. Default: a neutral page of Hearth's own; any https address also works.</summary>
    public string QuickExitUrl { get; set; } = "/exit";

    /// <summary>
    /// Set when Hearth runs behind a reverse proxy that terminates TLS: X-Forwarded-For and
    /// X-Forwarded-Proto are then read, but only from <see cref="KnownProxies"/> and
    /// <see cref="KnownNetworks"/> (docs/adr/0008-links-from-configuration.md). X-Forwarded-Host is never read.
    /// </summary>
    public bool BehindProxy { get; set; }

    /// <summary>Addresses of the proxies whose X-Forwarded-* headers count, e.g. 10.0.0.5. Default (with no KnownNetworks either): loopback only.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. 10.0.0.0/24. Default (with no KnownProxies either): loopback only.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// The address people use to reach Hearth, e.g. https://hearth.example.org: every link Hearth
    /// sends or shows starts with it, whatever a request says. Required unless Hearth listens on
    /// loopback only (then links use that address; docs/adr/0008-links-from-configuration.md).
    /// </summary>
    public string? PublicUrl { get; set; }
}

public sealed class DatabaseOptions
{
    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>For PostgreSQL, a Npgsql connection string. For SQLite, optional (default: data/db/hearth.db).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start-up (default). Turn off to run them as a separate deployment step.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public sealed class SecurityOptions
{
    /// <summary>Sign out after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 120;

    /// <summary>
    /// After this long without a request (but before the idle sign-out), private history pages ask
    /// for the passphrase (or a passkey) again before showing anything.
    /// </summary>
    public int ConfirmAfterIdleMinutes { get; set; } = 15;
}

public sealed class RateLimitOptions
{
    /// <summary>Sign-in, sign-up and reset attempts per client address per minute.</summary>
    public int AccountPerMinute { get; set; } = 20;

    /// <summary>All requests per signed-in person (or address) per minute. 0 turns this limit off.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

public sealed class InvitationOptions
{
    /// <summary>Invitation e-mails one account may send per day (UTC), across all its spaces; 0 sends none (links can still be copied).</summary>
    public int EmailsPerDay { get; set; } = 20;
}

public sealed class KeyRingOptions
{
    /// <summary>
    /// "folder" (default): the key ring is a folder, <see cref="Directory"/> or the data folder's keys/.
    /// "database": the key ring is a table in Hearth's own database, encrypted with <see cref="ProtectionSecret"/>
    /// (which is then required), so several instances share it without a shared file system.
    /// </summary>
    public string Store { get; set; } = "folder";

    /// <summary>The key ring folder when <see cref="Store"/> is "folder". Default: keys/ in the data folder. Several instances can share one mount.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// A secret (at least 32 characters, e.g. <c>openssl rand -base64 32</c>) that encrypts every key of the
    /// key ring where it is stored. Required with the database store, optional with a folder. Keep it out of
    /// the database and its backups (an environment variable or a secrets file).
    /// </summary>
    public string? ProtectionSecret { get; set; }

    public bool InDatabase =>
        string.Equals(Store, "database", StringComparison.OrdinalIgnoreCase);
}

public sealed class BackgroundOptions
{
    /// <summary>Run housekeeping on this instance (default). With several instances each may take part; each slot runs once.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Housekeeping runs once per slot of this many seconds (default 15 minutes).</summary>
    public int HousekeepingIntervalSeconds { get; set; } = 900;

    /// <summary>How often each instance looks for reminders that are due (default every minute).</summary>
    public int ReminderIntervalSeconds { get; set; } = 60;

    /// <summary>A reminder more than this many minutes overdue (Hearth was down) is skipped rather than sent late (default 180).</summary>
    public int ReminderLateLimitMinutes { get; set; } = 180;

    /// <summary>How long after the weekly check-in's time its one gentle follow-up comes, for a member who turned it on and has not checked in (default 24 hours).</summary>
    public int CheckInFollowUpHours { get; set; } = 24;

    /// <summary>The most notifications one member gets in a day on their own calendar, all kinds together (default 2).</summary>
    public int NotificationsPerDay { get; set; } = 2;

    /// <summary>The shortest time between two "thinking of you" from one member in one space (default 240 minutes).</summary>
    public int ThinkingOfYouMinutes { get; set; } = 240;

    /// <summary>The shortest time between two test notifications a member asks for (default 60 seconds).</summary>
    public int PushTestSeconds { get; set; } = 60;
}

/// <summary>Resolved folders, created on first run.</summary>
public sealed class HealthOptions
{
    /// <summary>/health says Unhealthy when the data folder has less free space than this (0 = do not check).</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 64;
}

public sealed class HearthPaths
{
    public HearthPaths(string dataDirectory, string? keyRingDirectory = null)
    {
        Root = Path.GetFullPath(dataDirectory);
        Database = Path.Combine(Root, "db");
        Keys = string.IsNullOrWhiteSpace(keyRingDirectory) ? Path.Combine(Root, "keys") : Path.GetFullPath(keyRingDirectory);
        Outbox = Path.Combine(Root, "outbox");
        Backups = Path.Combine(Root, "backups");
    }

    public string Root { get; }

    public string Database { get; }

    /// <summary>The Data Protection key ring folder (Hearth:KeyRing:Directory, default data/keys): deliberately outside the database folder.</summary>
    public string Keys { get; }

    public string Outbox { get; }

    public string Backups { get; }

    public string SqliteFile => Path.Combine(Database, "hearth.db");

    /// <summary>
    /// Creates the folders owner-only (700), and makes whatever an older version left in the data
    /// folder and the key ring folder owner-only too (files 600): the database, backups, e-mails with
    /// reset links and the keys are nobody else's business on the machine, whatever the umask.
    /// </summary>
    public void CreateFolders()
    {
        Data.Encryption.OwnerOnly.Folder(Root);
        Data.Encryption.OwnerOnly.Folder(Database);
        Data.Encryption.OwnerOnly.Folder(Keys);
        Data.Encryption.OwnerOnly.Tighten(Root);
        Data.Encryption.OwnerOnly.Tighten(Keys);
    }
}
