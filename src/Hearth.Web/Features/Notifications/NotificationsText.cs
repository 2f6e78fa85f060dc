namespace Hearth.Web.Features.Notifications;

/// <summary>The words of the notifications page, its checks and the push message: NotificationsText.resx (English) and its translations.</summary>
public sealed class NotificationsText;
