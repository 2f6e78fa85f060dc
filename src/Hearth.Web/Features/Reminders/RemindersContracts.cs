namespace Hearth.Web.Features.Reminders;

public sealed record CalendarFeedStatus(bool Active, DateTimeOffset? CreatedAt);

/// <summary>The link is shown only now; Hearth keeps just a hash of it.</summary>
public sealed record CalendarFeedCreated(string Url, DateTimeOffset CreatedAt);
