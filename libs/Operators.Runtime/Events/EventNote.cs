using System.Text;

namespace Operators.Runtime.Events;

/// <summary>Cuts an Event's note to the API server's limit of 1024 bytes, at a character boundary.</summary>
internal static class EventNote
{
    /// <summary>The longest note, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1024;

    public static string Truncate(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        if (Encoding.UTF8.GetByteCount(message) <= MaxBytes)
        {
            return message;
        }

        var bytes = 0;
        var end = 0;
        while (end < message.Length)
        {
            var width = char.IsSurrogatePair(message, end) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(message.AsSpan(end, width));
            if (bytes + size > MaxBytes)
            {
                break;
            }

            bytes += size;
            end += width;
        }

        return message[..end];
    }
}
