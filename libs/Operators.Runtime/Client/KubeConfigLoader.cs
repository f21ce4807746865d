using k8s;

namespace Operators.Runtime.Client;

/// <summary>
/// Finds the API server configuration the way every operator does (DESIGN.md): an explicit
/// <c>--kubeconfig</c> path, else the in-cluster service account, else the first existing file of
/// <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>.
/// </summary>
public static class KubeConfigLoader
{
    /// <summary>Loads the configuration.</summary>
    /// <param name="kubeconfigPath">An explicit kubeconfig file, or null to search.</param>
    /// <param name="context">The kubeconfig context to use; the file's current context when null.</param>
    /// <exception cref="InvalidOperationException">No configuration was found.</exception>
    public static KubernetesClientConfiguration Load(string? kubeconfigPath = null, string? context = null) =>
        Load(kubeconfigPath, context, Environment.GetEnvironmentVariable, KubernetesClientConfiguration.IsInCluster, KubernetesClientConfiguration.InClusterConfig);

    /// <summary>Loads the configuration with the environment and in-cluster probe supplied (for tests).</summary>
    internal static KubernetesClientConfiguration Load(
        string? kubeconfigPath,
        string? context,
        Func<string, string?> environment,
        Func<bool> isInCluster,
        Func<KubernetesClientConfiguration> inCluster)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, context);
        }

        if (isInCluster())
        {
            return inCluster();
        }

        var fromEnvironment = environment("KUBECONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var first = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
            if (first is not null)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(first, context);
            }
        }

        var home = environment("HOME") ?? environment("USERPROFILE");
        var fallback = home is null ? null : Path.Combine(home, ".kube", "config");
        if (fallback is not null && File.Exists(fallback))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(fallback, context);
        }

        throw new InvalidOperationException(
            "No Kubernetes configuration: pass --kubeconfig, run in a cluster, set KUBECONFIG or create ~/.kube/config.");
    }
}
