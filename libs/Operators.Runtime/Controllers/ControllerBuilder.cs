using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers.Handlers;
using Operators.Runtime.Controllers.Predicates;
using Operators.WorkQueue;
using Operators.WorkQueue.Metrics;
using Prometheus;

namespace Operators.Runtime.Controllers;

/// <summary>
/// Assembles a <see cref="Controller"/> for the primary type <typeparamref name="T"/> from shared
/// informers. Each call says what it is short for:
/// <list type="bullet">
/// <item><see cref="Owns{TChild}"/> = watch the child type and enqueue the key of a child's controller owner when that owner is a <typeparamref name="T"/>
/// (in the child's namespace: owners of namespaced objects live beside them);</item>
/// <item><see cref="Watches{TOther}"/> = watch another type and enqueue the keys a map function returns.</item>
/// </list>
/// The primary type itself (<c>For</c>, the constructor) enqueues its own key. Handlers are added
/// to the informers when <see cref="Build"/> runs; the informers run from the factory.
/// </summary>
/// <typeparam name="T">The primary resource type the reconciler owns.</typeparam>
public sealed class ControllerBuilder<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly SharedInformerFactory _informers;
    private readonly string? _namespace;
    private readonly List<Action<IPriorityWorkQueue<ReconcileRequest>>> _registrations = [];
    private ControllerOptions _options;

    /// <summary>Starts a controller for <typeparamref name="T"/> (controller-runtime's <c>For</c>).</summary>
    /// <param name="informers">The process's shared informers.</param>
    /// <param name="namespaceName">The namespace to watch; null for all.</param>
    /// <param name="predicates">Filters for events of <typeparamref name="T"/>.</param>
    public ControllerBuilder(SharedInformerFactory informers, string? namespaceName = null, params IPredicate<T>[] predicates)
    {
        _informers = informers ?? throw new ArgumentNullException(nameof(informers));
        _namespace = namespaceName;
        _options = new ControllerOptions { Name = ResourceType.For<T>().Kind.ToLowerInvariant() };
        _registrations.Add(queue => informers.GetInformer<T>(namespaceName).AddEventHandler(new EnqueueHandler<T>(queue, KeyMaps.Self, predicates)));
    }

    /// <summary>Enqueues the controller owner of changed <typeparamref name="TChild"/> objects.</summary>
    /// <typeparam name="TChild">The owned type.</typeparam>
    /// <param name="predicates">Filters for events of <typeparamref name="TChild"/>.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> Owns<TChild>(params IPredicate<TChild>[] predicates)
        where TChild : class, IKubernetesObject<V1ObjectMeta>
    {
        var owner = ResourceType.For<T>();
        var map = KeyMaps.ControllerOwner<TChild>(owner.ApiVersion, owner.Kind);
        _registrations.Add(queue => _informers.GetInformer<TChild>(_namespace).AddEventHandler(new EnqueueHandler<TChild>(queue, map, predicates)));
        return this;
    }

    /// <summary>Enqueues the keys <paramref name="map"/> returns for changed <typeparamref name="TOther"/> objects.</summary>
    /// <typeparam name="TOther">The watched type.</typeparam>
    /// <param name="map">The keys of <typeparamref name="T"/> that an object concerns.</param>
    /// <param name="predicates">Filters for events of <typeparamref name="TOther"/>.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> Watches<TOther>(Func<TOther, IEnumerable<ReconcileRequest>> map, params IPredicate<TOther>[] predicates)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(map);
        _registrations.Add(queue => _informers.GetInformer<TOther>(_namespace).AddEventHandler(new EnqueueHandler<TOther>(queue, map, predicates)));
        return this;
    }

    /// <summary>Sets the name, concurrency and timeout.</summary>
    /// <param name="options">The options; validated when the controller is built.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> WithOptions(ControllerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>Creates the queue, registers the event handlers and returns the controller.</summary>
    /// <param name="reconciler">The domain logic.</param>
    /// <param name="logger">The controller's logger.</param>
    /// <param name="registry">The metrics registry; the default one when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <returns>The controller, to run with <see cref="Controller.RunAsync"/>.</returns>
    public Controller Build(IReconciler reconciler, ILogger logger, CollectorRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        var metrics = registry is null ? new PrometheusWorkQueueMetricsProvider() : new PrometheusWorkQueueMetricsProvider(registry);
        var queue = new PriorityWorkQueue<ReconcileRequest>(new WorkQueueOptions { Name = _options.Name }, timeProvider: timeProvider, metricsProvider: metrics);
        var controller = new Controller(_options, reconciler, queue, logger, registry, timeProvider);
        foreach (var register in _registrations)
        {
            register(queue);
        }

        return controller;
    }
}
