using System.Security.Cryptography;
using System.Text;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>
/// Request signing in the Standard Webhooks scheme: the key is given as <c>whsec_&lt;base64&gt;</c>; the
/// signature is <c>v1,&lt;base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")&gt;</c>, sent in
/// <c>webhook-signature</c> with <c>webhook-id</c> and <c>webhook-timestamp</c> (unix seconds).
/// </summary>
internal static class WebhookSignature
{
    /// <summary>The prefix of a signing key.</summary>
    public const string KeyPrefix = "whsec_";

    /// <summary>The version tag of the signature.</summary>
    public const string Version = "v1";

    /// <summary>Reads a <c>whsec_&lt;base64&gt;</c> key (surrounding whitespace ignored).</summary>
    /// <param name="text">The key as stored in the Secret.</param>
    /// <param name="key">The key bytes when the text is well formed.</param>
    /// <returns><see langword="true"/> when the text is <c>whsec_</c> followed by non-empty base64.</returns>
    public static bool TryParseKey(string? text, out byte[] key)
    {
        key = [];
        var trimmed = text?.Trim();
        if (trimmed is null || !trimmed.StartsWith(KeyPrefix, StringComparison.Ordinal) || trimmed.Length == KeyPrefix.Length)
        {
            return false;
        }

        var encoded = trimmed[KeyPrefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written) || written == 0)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    /// <summary>Signs one request.</summary>
    /// <param name="key">The key bytes.</param>
    /// <param name="id">The <c>webhook-id</c> (the event id).</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>, unix seconds.</param>
    /// <param name="body">The exact body bytes sent.</param>
    /// <returns>The <c>webhook-signature</c> value, <c>v1,&lt;base64&gt;</c>.</returns>
    public static string Sign(ReadOnlySpan<byte> key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return Version + "," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
