using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Prometheus;

namespace Operators.Runtime.Hosting;

/// <summary>A controller for <typeparamref name="T"/> whose reconciler <typeparamref name="TReconciler"/> comes from DI.</summary>
/// <typeparam name="T">The primary type.</typeparam>
/// <typeparam name="TReconciler">The reconciler.</typeparam>
/// <param name="configure">Adds owned and watched types, predicates or options to the builder.</param>
internal sealed class ControllerRegistration<T, TReconciler>(Action<ControllerBuilder<T>>? configure) : IControllerRegistration
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TReconciler : class, IReconciler
{
    /// <inheritdoc />
    public Controller Build(IServiceProvider services, SharedInformerFactory informers, OperatorOptions options, ILogger logger, CollectorRegistry registry, TimeProvider time)
    {
        var builder = new ControllerBuilder<T>(informers, string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace)
            .WithOptions(new ControllerOptions
            {
                Name = ResourceType.For<T>().Kind.ToLowerInvariant(),
                MaxConcurrentReconciles = options.MaxConcurrentReconciles,
            });
        configure?.Invoke(builder);
        return builder.Build(services.GetRequiredService<TReconciler>(), logger, registry, time);
    }
}
