using System.Security.Cryptography;
using System.Text;

namespace Operators.WebhookReceiver;

/// <summary>
/// The receiving side of the Standard Webhooks scheme: the key is <c>whsec_&lt;base64&gt;</c>, and
/// <c>webhook-signature</c> holds one or more space-separated <c>v1,&lt;base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")&gt;</c>.
/// </summary>
internal static class StandardWebhookSignature
{
    /// <summary>The prefix of a signing key.</summary>
    public const string KeyPrefix = "whsec_";

    /// <summary>How far <c>webhook-timestamp</c> may be from now before a request is refused (replay protection).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Reads a <c>whsec_&lt;base64&gt;</c> key.</summary>
    /// <param name="secret">The key text.</param>
    /// <returns>The key bytes.</returns>
    /// <exception cref="FormatException">The text is not <c>whsec_</c> followed by base64.</exception>
    public static byte[] ParseKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var trimmed = secret.Trim();
        if (!trimmed.StartsWith(KeyPrefix, StringComparison.Ordinal) || trimmed.Length == KeyPrefix.Length)
        {
            throw new FormatException("a signing secret looks like whsec_<base64>");
        }

        return Convert.FromBase64String(trimmed[KeyPrefix.Length..]);
    }

    /// <summary>Computes the <c>v1,&lt;base64&gt;</c> signature of one request.</summary>
    /// <param name="key">The key bytes.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> as sent (unix seconds).</param>
    /// <param name="body">The exact body bytes.</param>
    /// <returns>The signature.</returns>
    public static string Sign(ReadOnlySpan<byte> key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>Checks the signature headers of one request.</summary>
    /// <param name="key">The key bytes.</param>
    /// <param name="id">The <c>webhook-id</c> header, if any.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header, if any.</param>
    /// <param name="signatures">The <c>webhook-signature</c> header, if any.</param>
    /// <param name="body">The exact body bytes.</param>
    /// <param name="now">The current time, for the timestamp tolerance.</param>
    /// <returns>The outcome.</returns>
    public static SignatureCheck Verify(ReadOnlySpan<byte> key, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signatures))
        {
            return SignatureCheck.Unsigned;
        }

        if (string.IsNullOrEmpty(id) || !long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(key, id, timestamp!, body));
        var matches = signatures
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
        if (!matches)
        {
            return SignatureCheck.Invalid;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() > Tolerance ? SignatureCheck.Expired : SignatureCheck.Valid;
    }
}
