using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Rendering;
using Operators.NovaAgent.Status;
using Operators.NovaAgent.Validation;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Events;
using Operators.Runtime.Hosting;
using Operators.Runtime.Objects;
using Operators.Runtime.Status;

namespace Operators.NovaAgent;

/// <summary>
/// Runs one nova-compute agent per NovaAgent. A reconcile reads everything from the informer caches:
/// <list type="number">
/// <item>validate what the schema cannot (<c>spec.host</c> unchanged, label values): on failure
/// Ready=False <c>InvalidSpec</c>, nothing rendered, no requeue (a spec change brings the agent back);</item>
/// <item>check that no ConfigMap or Deployment <c>nova-compute-&lt;host&gt;</c> exists that this
/// NovaAgent does not control: otherwise Ready=False <c>OwnershipConflict</c> and neither child is
/// touched (the child-name watch brings the agent back when that object goes away);</item>
/// <item>create or patch the ConfigMap, then the Deployment, against the cached copies, so that a
/// matching child costs no request at all;</item>
/// <item>compute the status from the Deployment (<see cref="AgentConditionTable"/>) and write it only
/// when it changed; record Events for what changed (<see cref="AgentEvents"/>).</item>
/// </list>
/// Deleting a NovaAgent needs nothing here: the garbage collector deletes its children.
/// </summary>
internal sealed class NovaAgentReconciler : IReconciler
{
    private readonly KubeApiClient _api;
    private readonly IEventRecorder _events;
    private readonly TimeProvider _time;
    private readonly ILogger<NovaAgentReconciler> _logger;
    private readonly ISharedInformer<V1Alpha1NovaAgent> _agents;
    private readonly ISharedInformer<V1ConfigMap> _configMaps;
    private readonly ISharedInformer<V1Deployment> _deployments;
    private readonly JsonTypeInfo<NovaAgentStatus> _statusJson;
    private readonly JsonTypeInfo<V1PodTemplateSpec?> _templateJson;
    private readonly ProgressThrottle _progress;
    private readonly WrittenStatuses<NovaAgentStatus> _written = new();

    /// <summary>Initializes a new instance of the <see cref="NovaAgentReconciler"/> class on the informers the controller watches.</summary>
    /// <param name="api">The client.</param>
    /// <param name="informers">The process's shared informers.</param>
    /// <param name="options">The operator's options (the watched namespace).</param>
    /// <param name="events">The Event recorder.</param>
    /// <param name="time">The clock of condition transitions.</param>
    /// <param name="childMap">The child-name map, attached here to the NovaAgent cache.</param>
    /// <param name="progress">Holds back status writes that only report a rollout's progress (<c>--status-progress-interval</c>).</param>
    /// <param name="logger">The logger.</param>
    public NovaAgentReconciler(
        KubeApiClient api,
        SharedInformerFactory informers,
        IOptions<OperatorOptions> options,
        IEventRecorder events,
        TimeProvider time,
        AgentsByChildName childMap,
        ProgressThrottle progress,
        ILogger<NovaAgentReconciler> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(childMap);
        _api = api;
        _events = events;
        _time = time;
        _progress = progress;
        _logger = logger;
        var ns = string.IsNullOrEmpty(options.Value.Namespace) ? null : options.Value.Namespace;
        _agents = informers.GetInformer<V1Alpha1NovaAgent>(ns);
        _configMaps = informers.GetInformer<V1ConfigMap>(ns);
        _deployments = informers.GetInformer<V1Deployment>(ns);
        _statusJson = (JsonTypeInfo<NovaAgentStatus>)api.JsonOptions.GetTypeInfo(typeof(NovaAgentStatus));
        _templateJson = (JsonTypeInfo<V1PodTemplateSpec?>)api.JsonOptions.GetTypeInfo(typeof(V1PodTemplateSpec));
        childMap.Attach(_agents);
    }

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var key = CacheKey.Of(request.Namespace, request.Name);
        var agent = _agents.Indexer.GetByKey(key);
        if (agent is null || agent.Metadata.DeletionTimestamp is not null)
        {
            _progress.Forget(key);
            _written.Forget(key);
            return ReconcileResult.Done;
        }

        try
        {
            var observation = Validate(agent) ?? CheckOwnership(agent) ?? await RenderAsync(agent, cancellationToken);
            return await WriteStatusAsync(key, agent, observation, cancellationToken);
        }
        catch (KubernetesConflictException e)
        {
            // A stale cache: a child created meanwhile, or the NovaAgent changed. The informer catches up.
            Log.CacheBehind(_logger, request.Namespace, request.Name, e.Reason);
            return ReconcileResult.Requeue;
        }
    }

    private AgentObservation? Validate(V1Alpha1NovaAgent agent)
    {
        var uid = agent.Metadata.Uid ?? string.Empty;
        var deployments = _deployments.Indexer.ByIndex(CacheIndexes.ControllerUid, uid);
        var configMaps = _configMaps.Indexer.ByIndex(CacheIndexes.ControllerUid, uid);
        var previousHost = SpecChecks.PreviousHost(
            agent.Spec, agent.Status, deployments.Select(d => d.Metadata.Name).Concat(configMaps.Select(c => c.Metadata.Name)));
        if (SpecChecks.Check(agent.Spec, previousHost) is not { } problem)
        {
            return null;
        }

        Log.InvalidSpec(_logger, agent.Metadata.NamespaceProperty, agent.Metadata.Name, problem.Field, problem.Message);
        return AgentObservation.Blocked(NovaAgentConditions.InvalidSpec, problem.Message, deployments.Count > 0 ? deployments[0] : null);
    }

    private AgentObservation? CheckOwnership(V1Alpha1NovaAgent agent)
    {
        var key = CacheKey.Of(agent.Metadata.NamespaceProperty, AgentNames.ChildName(agent.Spec.Host));
        var configMap = _configMaps.Indexer.GetByKey(key);
        var deployment = _deployments.Indexer.GetByKey(key);
        var foreign = new List<string>();
        if (configMap is not null && !OwnerReferences.IsControlledBy(configMap, agent))
        {
            foreign.Add(Describe("ConfigMap", configMap));
        }

        if (deployment is not null && !OwnerReferences.IsControlledBy(deployment, agent))
        {
            foreign.Add(Describe("Deployment", deployment));
        }

        if (foreign.Count == 0)
        {
            return null;
        }

        var message = string.Join("; ", foreign) + ": it is left alone; delete it (or release it) to let this NovaAgent render its children";
        Log.OwnershipConflict(_logger, agent.Metadata.NamespaceProperty, agent.Metadata.Name, message);
        var controlled = deployment is not null && OwnerReferences.IsControlledBy(deployment, agent) ? deployment : null;
        return AgentObservation.Blocked(NovaAgentConditions.OwnershipConflict, message, controlled);
    }

    private async Task<AgentObservation> RenderAsync(V1Alpha1NovaAgent agent, CancellationToken cancellationToken)
    {
        var name = AgentNames.ChildName(agent.Spec.Host);
        var key = CacheKey.Of(agent.Metadata.NamespaceProperty, name);
        var data = NovaComputeConfig.Data(agent.Spec);
        var hash = ConfigHash.Compute(data);

        var observedConfigMap = _configMaps.Indexer.GetByKey(key);
        var (_, configMapResult) = await CreateOrPatch.ApplyAsync(
            _api, ConfigMapRendering.Skeleton(agent), observedConfigMap, c => ConfigMapRendering.Apply(c, agent, data), cancellationToken);
        var previousHash = observedConfigMap?.Data is { } previousData ? ConfigHash.Compute(previousData) : null;
        Record(agent, AgentEvents.ForConfigMap(configMapResult, name, previousHash, hash));

        var observedDeployment = _deployments.Indexer.GetByKey(key);
        var (deployment, deploymentResult) = await CreateOrPatch.ApplyAsync(
            _api, DeploymentRendering.Skeleton(agent), observedDeployment, d => DeploymentRendering.Apply(d, agent, hash), cancellationToken);
        var templateChanged = observedDeployment is not null && !JsonNode.DeepEquals(
            JsonSerializer.SerializeToNode(observedDeployment.Spec?.Template, _templateJson),
            JsonSerializer.SerializeToNode(deployment.Spec?.Template, _templateJson));
        Record(agent, AgentEvents.ForDeployment(deploymentResult, observedDeployment, deployment, templateChanged));

        if (configMapResult != OperationResult.Unchanged || deploymentResult != OperationResult.Unchanged)
        {
            Log.Rendered(_logger, agent.Metadata.NamespaceProperty, agent.Metadata.Name, name, Describe(configMapResult), name, Describe(deploymentResult), hash);
        }

        return AgentObservation.Rendered(deployment, name, hash);
    }

    /// <summary>
    /// Writes the status when it changed from the last one: the cached one, or the one this process wrote when the
    /// cache has not seen that write yet. A change that only reports the rollout's progress waits for the throttle
    /// (requeued).
    /// </summary>
    private async Task<ReconcileResult> WriteStatusAsync(string key, V1Alpha1NovaAgent agent, AgentObservation observation, CancellationToken cancellationToken)
    {
        var last = _written.TryGetNewerThanCache(key, agent.Metadata.ResourceVersion, out var justWritten) ? justWritten : agent.Status;
        var status = AgentStatusBuilder.Build(agent, observation, _time.GetUtcNow(), last);
        if (last is not null && JsonNode.DeepEquals(JsonSerializer.SerializeToNode(last, _statusJson), JsonSerializer.SerializeToNode(status, _statusJson)))
        {
            return ReconcileResult.Done; // when the cache is behind, the watch event of our write is on its way and triggers another reconcile
        }

        if (AgentStatusProgress.IsProgressOnly(last, status) && _progress.Wait(key) is { } wait)
        {
            return ReconcileResult.After(wait);
        }

        var updated = new V1Alpha1NovaAgent { ApiVersion = agent.ApiVersion, Kind = agent.Kind, Metadata = agent.Metadata, Spec = agent.Spec, Status = status };
        var written = await _api.For<V1Alpha1NovaAgent>().UpdateStatusAsync(updated, cancellationToken);
        _written.Wrote(key, written.Metadata.ResourceVersion, status);
        _progress.Wrote(key);
        Log.StatusWritten(
            _logger,
            agent.Metadata.NamespaceProperty,
            agent.Metadata.Name,
            Conditions.Find(status.Conditions, NovaAgentConditions.Ready)?.Reason ?? string.Empty,
            Conditions.Find(status.Conditions, NovaAgentConditions.InService)?.Reason ?? string.Empty);
        Record(agent, AgentEvents.ForConditions(last, status));
        return ReconcileResult.Done;
    }

    private void Record(V1Alpha1NovaAgent agent, IReadOnlyList<AgentEvent> events)
    {
        foreach (var e in events)
        {
            _events.Event(agent, e.Type, e.Reason, e.Message);
        }
    }

    private static string Describe(string kind, IKubernetesObject<V1ObjectMeta> child) =>
        OwnerReferences.GetController(child) is { } controller
            ? $"{kind} {child.Metadata.Name} is controlled by {controller.Kind} {controller.Name}, not by this NovaAgent"
            : $"{kind} {child.Metadata.Name} exists and is not controlled by this NovaAgent";

    private static string Describe(OperationResult result) => result switch
    {
        OperationResult.Created => "created",
        OperationResult.Patched => "patched",
        _ => "unchanged",
    };
}
