using System.Text.Json.Nodes;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Workloads;

/// <summary>
/// The checks of the Kubernetes "restricted" Pod Security Standard (latest), plus the project's
/// own rules (read-only root filesystem, a fixed non-root UID). Returns one line per violation.
/// </summary>
internal static class RestrictedPodSecurity
{
    private static readonly HashSet<string> AllowedVolumeTypes =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    private static readonly HashSet<string> AllowedSeccompTypes = ["RuntimeDefault", "Localhost"];

    /// <summary>Returns the violations of <paramref name="podSpec"/>; empty when it passes.</summary>
    public static IReadOnlyList<string> Violations(JsonNode podSpec)
    {
        var problems = new List<string>();
        foreach (var hostField in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (podSpec.Bool(hostField) == true)
            {
                problems.Add($"{hostField} is true");
            }
        }

        foreach (var volume in podSpec.Items("volumes"))
        {
            var type = ((JsonObject)volume).Select(p => p.Key).Single(k => k != "name");
            if (!AllowedVolumeTypes.Contains(type))
            {
                problems.Add($"volume {volume.Str("name")} has the disallowed type {type}");
            }
        }

        var pod = podSpec.At("securityContext");
        if (pod.At("sysctls") is JsonArray { Count: > 0 })
        {
            problems.Add("pod sets sysctls");
        }

        foreach (var container in podSpec.Items("initContainers").Concat(podSpec.Items("containers")))
        {
            problems.AddRange(ContainerViolations(container, pod).Select(p => $"container {container.Str("name")}: {p}"));
        }

        return problems;
    }

    private static IEnumerable<string> ContainerViolations(JsonNode container, JsonNode? pod)
    {
        var sc = container.At("securityContext");
        if (sc.Bool("privileged") == true)
        {
            yield return "privileged";
        }

        if (sc.Bool("allowPrivilegeEscalation") != false)
        {
            yield return "allowPrivilegeEscalation is not false";
        }

        if (!sc.Strings("capabilities.drop").Contains("ALL"))
        {
            yield return "capabilities.drop lacks ALL";
        }

        if (sc.Strings("capabilities.add").Any(c => c != "NET_BIND_SERVICE"))
        {
            yield return "adds capabilities beyond NET_BIND_SERVICE";
        }

        var runAsNonRoot = sc.Bool("runAsNonRoot") ?? pod.Bool("runAsNonRoot");
        if (runAsNonRoot != true)
        {
            yield return "runAsNonRoot is not true (container or pod)";
        }

        var runAsUser = sc.Int("runAsUser") ?? pod.Int("runAsUser");
        if (runAsUser is null or 0)
        {
            yield return $"runAsUser is {runAsUser?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}: a fixed non-root UID is required";
        }

        var seccomp = sc.Str("seccompProfile.type") ?? pod.Str("seccompProfile.type");
        if (seccomp is null || !AllowedSeccompTypes.Contains(seccomp))
        {
            yield return $"seccompProfile.type is {seccomp ?? "unset"}";
        }

        if (sc.Bool("readOnlyRootFilesystem") != true)
        {
            yield return "readOnlyRootFilesystem is not true";
        }

        if (container.Items("ports").Any(p => p.Int("hostPort") is > 0))
        {
            yield return "uses a hostPort";
        }

        if (sc.Str("procMount") is { } procMount && procMount != "Default")
        {
            yield return $"procMount is {procMount}";
        }
    }
}
