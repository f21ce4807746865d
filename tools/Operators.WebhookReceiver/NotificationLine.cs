using System.Globalization;
using System.Text;

namespace Operators.WebhookReceiver;

/// <summary>
/// Formats a notification as one readable line. Only the first segment of the path is shown:
/// webhook URLs such as Slack's carry credentials in the rest.
/// </summary>
internal static class NotificationLine
{
    private const int MaxTextLength = 160;

    /// <summary>Formats <paramref name="notification"/>.</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The line, without a newline.</returns>
    public static string Format(ReceivedNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var line = new StringBuilder();
        line.Append(notification.ReceivedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            .Append(' ').Append(PublicPath(notification.Path))
            .Append(' ').Append(notification.Format);
        if (notification.Format == NotificationBody.CloudEvent)
        {
            line.Append(' ').Append(notification.Event.Length > 0 ? notification.Event : ShortType(notification.EventType))
                .Append(' ').Append(notification.BuildingBlock);
            if (notification.Reason.Length > 0)
            {
                line.Append(" \"").Append(notification.Reason).Append('"');
            }

            if (notification.Notifier.Length > 0)
            {
                line.Append(" notifier=").Append(notification.Notifier);
            }
        }
        else if (notification.Text.Length > 0)
        {
            var text = notification.Text.ReplaceLineEndings(" ");
            line.Append(" \"").Append(text.Length > MaxTextLength ? text[..MaxTextLength] + "…" : text).Append('"');
        }

        if (notification.Id.Length > 0)
        {
            line.Append(" id=").Append(notification.Id);
        }

        line.Append(" signature=").Append(notification.Signature.ToString().ToLowerInvariant());
        if (notification.Duplicate)
        {
            line.Append(" (duplicate: already received, ignored)");
        }

        if (!notification.Accepted)
        {
            line.Append(" -> rejected ").Append(notification.StatusCode.ToString(CultureInfo.InvariantCulture));
        }

        return line.ToString();
    }

    /// <summary>The first segment of a path followed by <c>/…</c> when there is more.</summary>
    /// <param name="path">The request path.</param>
    /// <returns>The part that is safe to print.</returns>
    public static string PublicPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "/" + trimmed : "/" + trimmed[..slash] + "/…";
    }

    private static string ShortType(string type)
    {
        var dot = type.LastIndexOf('.');
        return dot < 0 ? type : type[(dot + 1)..];
    }
}
