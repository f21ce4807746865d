using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.LocalRun;
using Operators.Testing;

namespace Operators.Reliability.Tests.Security;

/// <summary>
/// Looks for secret values everywhere a running system exposes text: every captured log line of every process
/// (the run folder's <c>logs/*.log</c>), every Event, every object the operators read or write (whole object,
/// status included; Secrets themselves excepted), and every line of each operator's <c>/metrics</c> (metric
/// labels included). Each secret is looked for as given, base64-encoded (as in a Secret's data), URL-escaped,
/// and, for a URL, its path and query; for a <c>whsec_</c> signing key, its base64 part. A leak is reported by
/// where it is and which form matched, with the value masked, so the report itself leaks nothing.
/// Fixtures call <see cref="AssertNoLeaksAsync"/> in their teardown with the secrets they put into play.
/// </summary>
internal static class SecretScan
{
    private const int MinimumDerivedLength = 12;

    private static readonly string[] ObjectCollections =
    [
        "/apis/openstack.operators.dev/v1alpha1/buildingblocks",
        "/apis/openstack.operators.dev/v1alpha1/novaagents",
        "/apis/openstack.operators.dev/v1alpha1/maintenancenotifiers",
        "/apis/apps/v1/deployments",
        "/api/v1/configmaps",
        "/api/v1/events",
        "/apis/coordination.k8s.io/v1/leases",
    ];

    /// <summary>Fails the test when any secret value shows up anywhere the system exposes text.</summary>
    /// <param name="system">The running system.</param>
    /// <param name="secrets">The secret values in play (webhook URLs from Secrets, signing keys).</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>A task that completes when the scan found nothing.</returns>
    public static async Task AssertNoLeaksAsync(RunningSystem system, IEnumerable<string> secrets, CancellationToken cancellationToken = default)
    {
        var leaks = await FindLeaksAsync(system, secrets, cancellationToken);
        leaks.Should().BeEmpty("no secret value may appear in a log line, Event, status or metric");
    }

    /// <summary>Every place a secret value shows up.</summary>
    /// <param name="system">The running system.</param>
    /// <param name="secrets">The secret values in play.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>One line per leak (source, form, masked context); empty when there is none.</returns>
    public static async Task<IReadOnlyList<string>> FindLeaksAsync(RunningSystem system, IEnumerable<string> secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(secrets);
        var forms = secrets.Where(s => !string.IsNullOrEmpty(s)).SelectMany(SecretForms.Of).Distinct().ToList();
        var leaks = new List<string>();
        void Scan(string source, string text)
        {
            foreach (var form in forms)
            {
                var at = text.IndexOf(form.Text, StringComparison.Ordinal);
                if (at >= 0)
                {
                    leaks.Add($"{source}: {form.Description} found: {Masked(text, at, form.Text.Length)}");
                }
            }
        }

        ScanLogs(system, Scan);
        foreach (var collection in ObjectCollections)
        {
            var response = await system.Local.Api.GetAsync(collection, cancellationToken);
            response.IsSuccess.Should().BeTrue($"the scan reads {collection}: {response.Describe()}");
            foreach (var item in (response.Body?["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = $"{item["metadata"]?["namespace"]}/{item["metadata"]?["name"]}";
                ScanJson($"{collection[(collection.LastIndexOf('/') + 1)..]} {name}", item, Scan);
            }
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (program, endpoints) in system.Local.Endpoints)
        {
            var metrics = await http.GetStringAsync(endpoints.Metrics, cancellationToken);
            foreach (var line in metrics.Split('\n'))
            {
                Scan($"{program.Name} /metrics", line);
            }
        }

        return leaks;
    }

    private static void ScanLogs(RunningSystem system, Action<string, string> scan)
    {
        var folder = Path.Combine(system.Local.RunDirectory, "logs");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.log") : [];
        foreach (var file in files)
        {
            // The processes may still be writing: share the file.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                scan($"log {Path.GetFileName(file)}:{number}", line);
            }
        }

        if (files.Length == 0)
        {
            foreach (var child in system.Supervisor.Children)
            {
                foreach (var line in child.RecentLines)
                {
                    scan($"log {child.Name}", line);
                }
            }
        }
    }

    /// <summary>Scans every property name and string value, decoded (so JSON escapes cannot hide a value).</summary>
    private static void ScanJson(string source, JsonNode? node, Action<string, string> scan)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    scan(source, key);
                    ScanJson(source, value, scan);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ScanJson(source, item, scan);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                scan(source, text);
                break;
        }
    }

    private static string Masked(string text, int at, int length)
    {
        var start = Math.Max(0, at - 40);
        var end = Math.Min(text.Length, at + length + 40);
        return (text[start..at] + "<secret>" + text[(at + length)..end]).ReplaceLineEndings(" ");
    }

    /// <summary>The forms a secret value can take in text.</summary>
    private sealed record SecretForms(string Text, string Description)
    {
        public static IEnumerable<SecretForms> Of(string secret)
        {
            yield return new(secret, "the value");
            yield return new(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), "the value in base64");
            var escaped = Uri.EscapeDataString(secret);
            if (escaped != secret)
            {
                yield return new(escaped, "the value URL-escaped");
            }

            if (Uri.TryCreate(secret, UriKind.Absolute, out var url) && url.PathAndQuery.Length >= MinimumDerivedLength)
            {
                yield return new(url.PathAndQuery, "the URL's path");
            }

            if (secret.StartsWith("whsec_", StringComparison.Ordinal) && secret.Length - 6 >= MinimumDerivedLength)
            {
                yield return new(secret[6..], "the signing key's base64 part");
            }
        }
    }
}
