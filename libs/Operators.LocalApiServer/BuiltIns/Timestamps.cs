using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Canonical forms of Kubernetes timestamps, as kube-apiserver writes them back: <c>metav1.Time</c>
/// in whole seconds (<c>2024-05-01T10:00:00Z</c>), <c>metav1.MicroTime</c> with six fraction digits
/// (<c>2024-05-01T10:00:00.123456Z</c>), both in UTC.
/// </summary>
internal static class Timestamps
{
    private const string GoTimeLayout = "2006-01-02T15:04:05Z07:00";
    private const string GoMicroTimeLayout = "2006-01-02T15:04:05.000000Z07:00";
    private static readonly string[] AcceptedFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Rewrites a <c>metav1.Time</c> field in canonical form; throws a decode error when unparsable.</summary>
    public static void NormalizeTime(JsonObject? owner, string key, DecodeErrors errors, string goField) =>
        Normalize(owner, key, errors, goField, micro: false);

    /// <summary>Rewrites a <c>metav1.MicroTime</c> field in canonical form; throws a decode error when unparsable.</summary>
    public static void NormalizeMicroTime(JsonObject? owner, string key, DecodeErrors errors, string goField) =>
        Normalize(owner, key, errors, goField, micro: true);

    /// <summary>True when the field holds a timestamp (not absent, null or empty).</summary>
    public static bool IsSet(JsonObject? owner, string key) => !string.IsNullOrEmpty(owner.GetString(key));

    private static void Normalize(JsonObject? owner, string key, DecodeErrors errors, string goField, bool micro)
    {
        errors.RequireKind(owner, key, JsonValueKind.String, goField, "string");
        var text = owner.GetString(key);
        if (owner is null || text is null)
        {
            return;
        }

        if (text.Length == 0)
        {
            owner[key] = null;
            return;
        }

        if (!DateTimeOffset.TryParseExact(text, AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw errors.Fail($"parsing time {GoQuote.Quote(text)} as {GoQuote.Quote(micro ? GoMicroTimeLayout : GoTimeLayout)}: cannot parse {GoQuote.Quote(text)}");
        }

        var utc = parsed.UtcDateTime;
        owner[key] = micro
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
