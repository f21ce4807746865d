using System.Text.Json.Nodes;

namespace Operators.LocalRun;

/// <summary>
/// The project's sample objects (<c>samples/openstack.yaml</c>): a namespace, building blocks,
/// notifiers and their secrets. Their webhook URLs point at the local receiver on
/// <see cref="DefaultReceiver"/>; when the receiver listens elsewhere, they are rewritten.
/// </summary>
internal static class SampleManifests
{
    /// <summary>The receiver address the samples are written for.</summary>
    public static readonly Uri DefaultReceiver = new("http://127.0.0.1:8090/");

    /// <summary>Reads the samples.</summary>
    /// <param name="path">The file.</param>
    /// <param name="receiver">Where the webhook receiver listens.</param>
    /// <returns>The objects, in file order.</returns>
    /// <exception cref="LaunchException">The file is missing or not valid YAML.</exception>
    public static IReadOnlyList<JsonObject> Load(string path, Uri receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!File.Exists(path))
        {
            throw new LaunchException($"{path} is missing");
        }

        return Parse(File.ReadAllText(path), receiver, Path.GetFileName(path));
    }

    /// <summary>Parses sample text, pointing its webhook URLs at <paramref name="receiver"/>.</summary>
    /// <param name="yaml">The manifest text.</param>
    /// <param name="receiver">Where the webhook receiver listens.</param>
    /// <param name="source">Its name, for errors.</param>
    /// <returns>The objects.</returns>
    public static IReadOnlyList<JsonObject> Parse(string yaml, Uri receiver, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(receiver);
        var text = yaml.Replace(DefaultReceiver.ToString(), receiver.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal);
        return YamlManifests.Parse(text, source);
    }

    /// <summary>The namespaces the samples put objects in.</summary>
    /// <param name="manifests">The objects.</param>
    /// <returns>The distinct namespaces.</returns>
    public static IReadOnlyList<string> Namespaces(IEnumerable<JsonObject> manifests) =>
        [.. manifests.Select(m => m["metadata"]?["namespace"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The first Standard Webhooks signing key (<c>whsec_...</c>) among the samples' Secrets, so the receiver checks with the same key the notifier signs with.</summary>
    /// <param name="manifests">The objects.</param>
    /// <returns>The key, or null when no Secret holds one.</returns>
    public static string? SigningSecret(IEnumerable<JsonObject> manifests) =>
        manifests
            .Where(m => m["kind"]?.GetValue<string>() == "Secret" && m["stringData"] is JsonObject)
            .SelectMany(m => ((JsonObject)m["stringData"]!).Select(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null))
            .FirstOrDefault(s => s is not null && s.StartsWith("whsec_", StringComparison.Ordinal));
}
