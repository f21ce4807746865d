using System.Globalization;
using System.Text;
using k8s.Models;
using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>
/// Turns <c>spec.webhook</c> and the Secrets it names into a <see cref="WebhookTarget"/>:
/// <list type="number">
/// <item><c>spec.retry.maxBackoffSeconds</c> not below <c>initialBackoffSeconds</c> (a rule the schema cannot express;
/// else <c>InvalidSpec</c>, naming both fields, rather than silently retrying at a pace nobody asked for);</item>
/// <item>exactly one of <c>url</c> and <c>urlSecretRef</c>, the URL absolute <c>http</c>/<c>https</c>, a known format
/// (else <c>InvalidSpec</c>, naming the field);</item>
/// <item>each referenced Secret and key present (else <c>SecretNotFound</c>, naming Secret and key);</item>
/// <item>the URL from a Secret absolute <c>http</c>/<c>https</c>, the signing key <c>whsec_&lt;base64&gt;</c>
/// (else <c>InvalidSpec</c>, naming Secret and key).</item>
/// </list>
/// Messages never contain a value read from a Secret, nor any part of a URL but its host.
/// </summary>
internal static class WebhookTargetResolver
{
    /// <summary>Resolves the webhook of <paramref name="spec"/>.</summary>
    /// <param name="spec">The subscription's spec.</param>
    /// <param name="secret">Finds a Secret of the subscription's namespace by name (from the informer cache); null when absent.</param>
    /// <returns>The target or the reason there is none.</returns>
    public static TargetResolution Resolve(MaintenanceNotifierSpec spec, Func<string, V1Secret?> secret)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(secret);
        if (RetryProblem(spec.Retry) is { } retryProblem)
        {
            return TargetResolution.Failed(MaintenanceNotifierConditions.InvalidSpec, retryProblem);
        }

        var webhook = spec.Webhook ?? new WebhookSpec();
        var hasUrl = !string.IsNullOrEmpty(webhook.Url);
        if (hasUrl == (webhook.UrlSecretRef is not null))
        {
            return TargetResolution.Failed(MaintenanceNotifierConditions.InvalidSpec, "spec.webhook: set exactly one of url and urlSecretRef");
        }

        var format = webhook.Format ?? WebhookFormats.CloudEvent;
        if (format is not (WebhookFormats.CloudEvent or WebhookFormats.Slack))
        {
            return TargetResolution.Failed(MaintenanceNotifierConditions.InvalidSpec, "spec.webhook.format: must be CloudEvent or Slack");
        }

        Uri? url;
        string description;
        if (hasUrl)
        {
            if (!TryParseHttpUrl(webhook.Url, out url))
            {
                return TargetResolution.Failed(MaintenanceNotifierConditions.InvalidSpec, "spec.webhook.url: must be an absolute http or https URL");
            }

            description = url.Host;
        }
        else
        {
            var reference = webhook.UrlSecretRef!;
            if (Read(reference, "spec.webhook.urlSecretRef", secret, out var text) is { } missing)
            {
                return missing;
            }

            if (!TryParseHttpUrl(text, out url))
            {
                return TargetResolution.Failed(
                    MaintenanceNotifierConditions.InvalidSpec,
                    $"spec.webhook.urlSecretRef: the value of key {reference.Key} in secret {reference.Name} is not an absolute http or https URL");
            }

            description = $"the URL from secret {reference.Name}";
        }

        byte[]? key = null;
        if (webhook.SigningSecretRef is { } signing)
        {
            if (Read(signing, "spec.webhook.signingSecretRef", secret, out var text) is { } missing)
            {
                return missing;
            }

            if (!WebhookSignature.TryParseKey(text, out var parsed))
            {
                return TargetResolution.Failed(
                    MaintenanceNotifierConditions.InvalidSpec,
                    $"spec.webhook.signingSecretRef: the value of key {signing.Key} in secret {signing.Name} is not whsec_<base64>");
            }

            key = parsed;
        }

        var timeout = TimeSpan.FromSeconds(Math.Clamp(webhook.TimeoutSeconds ?? WebhookSpec.DefaultTimeoutSeconds, 1, 60));
        return TargetResolution.Of(new WebhookTarget(url, description, format, key, timeout));
    }

    /// <summary>The names of the Secrets <paramref name="spec"/> refers to.</summary>
    /// <param name="spec">The subscription's spec.</param>
    /// <returns>Zero to two names.</returns>
    public static IEnumerable<string> ReferencedSecrets(MaintenanceNotifierSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Webhook?.UrlSecretRef?.Name is { Length: > 0 } urlSecret)
        {
            yield return urlSecret;
        }

        if (spec.Webhook?.SigningSecretRef?.Name is { Length: > 0 } signingSecret)
        {
            yield return signingSecret;
        }
    }

    private static string? RetryProblem(RetrySpec? retry)
    {
        var initial = retry?.InitialBackoffSeconds ?? RetrySpec.DefaultInitialBackoffSeconds;
        var max = retry?.MaxBackoffSeconds ?? RetrySpec.DefaultMaxBackoffSeconds;
        return max < initial
            ? string.Create(CultureInfo.InvariantCulture, $"spec.retry.maxBackoffSeconds: {max} is below initialBackoffSeconds {initial}; the longest backoff must be at least the first")
            : null;
    }

    private static TargetResolution? Read(SecretKeyReference reference, string field, Func<string, V1Secret?> secret, out string value)
    {
        value = string.Empty;
        var found = secret(reference.Name);
        if (found is null)
        {
            return TargetResolution.Failed(MaintenanceNotifierConditions.SecretNotFound, $"{field}: secret {reference.Name} not found");
        }

        if (found.Data?.TryGetValue(reference.Key, out var bytes) != true || bytes is null || bytes.Length == 0)
        {
            return TargetResolution.Failed(MaintenanceNotifierConditions.SecretNotFound, $"{field}: secret {reference.Name} has no key {reference.Key}");
        }

        value = Encoding.UTF8.GetString(bytes).Trim();
        return null;
    }

    private static bool TryParseHttpUrl(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0;
}
