using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Controllers;

/// <summary>
/// Simulates the Deployment controller and kubelet: when a Deployment's generation is not yet
/// observed, its status at once shows the rollout under way (observedGeneration, replicas,
/// updatedReplicas, no ready replicas), and after <see cref="LocalApiServerOptions.DeploymentReadyDelay"/>
/// every replica is ready and available. There are no pods.
/// </summary>
internal sealed class DeploymentStatusController(ObjectStore store, ResourceRegistry registry, ObjectWriter writer, LocalApiServerOptions options)
{
    /// <summary>Reacts to Deployment changes until <paramref name="stopping"/>.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var deployments = registry.Find("apps", "v1", "deployments")!;
        var changes = store.Subscribe();
        try
        {
            await foreach (var change in changes.ReadAllAsync(stopping))
            {
                if (change.Resource != deployments || change.Type == WatchEventType.Deleted || change.Object.IsTerminating)
                {
                    continue;
                }

                var obj = change.Object.ToNode();
                var generation = (long?)obj["metadata"]?["generation"] ?? 0;
                if ((long?)obj["status"]?["observedGeneration"] == generation)
                {
                    continue;
                }

                var replicas = (int?)obj["spec"]?["replicas"] ?? 1;
                Write(deployments, change.Object, generation, replicas, ready: replicas == 0);
                if (replicas > 0)
                {
                    _ = MarkReadyLaterAsync(deployments, change.Object, generation, replicas, stopping);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task MarkReadyLaterAsync(ResourceType deployments, StoredObject obj, long generation, int replicas, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(options.DeploymentReadyDelay, options.TimeProvider, stopping);
            var current = store.Get(ObjectStore.StorageOf(deployments), obj.Namespace, obj.Name);
            if (current is not null && current.Uid == obj.Uid && (long?)current.ToNode()["metadata"]?["generation"] == generation)
            {
                Write(deployments, current, generation, replicas, ready: true);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Write(ResourceType deployments, StoredObject obj, long generation, int replicas, bool ready)
    {
        var now = options.TimeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        try
        {
            writer.Patch(deployments, obj.Namespace, obj.Name, WriteOptions.Default with { Subresource = "status" }, current =>
            {
                if ((long?)current["metadata"]?["generation"] != generation)
                {
                    return current;
                }

                var status = new JsonObject { ["observedGeneration"] = generation };
                SetIfPositive(status, "replicas", replicas);
                SetIfPositive(status, "updatedReplicas", replicas);
                SetIfPositive(status, "readyReplicas", ready ? replicas : 0);
                SetIfPositive(status, "availableReplicas", ready ? replicas : 0);
                SetIfPositive(status, "unavailableReplicas", ready ? 0 : replicas);
                status["conditions"] = new JsonArray(
                    Condition("Available", ready ? "True" : "False", ready ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                        ready ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
                    Condition("Progressing", "True", ready ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                        ready ? $"ReplicaSet \"{obj.Name}\" has successfully progressed." : $"ReplicaSet \"{obj.Name}\" is progressing.", now));
                current["status"] = status;
                return current;
            });
        }
        catch (ApiException)
        {
            // Deleted meanwhile.
        }
    }

    private static void SetIfPositive(JsonObject status, string key, int value)
    {
        if (value > 0)
        {
            status[key] = value;
        }
    }

    private static JsonObject Condition(string type, string status, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastUpdateTime"] = now,
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };
}
