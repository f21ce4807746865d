using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;
using Operators.Runtime.Events;
using Operators.Runtime.Hosting;
using Operators.Runtime.LeaderElection;
using Prometheus;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires an operator into a .NET host: client, informers, controllers, leader election, endpoints, logs.</summary>
public static class OperatorHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the operator runtime: <see cref="OperatorOptions"/> from code, flags and configuration (validated on start),
    /// <see cref="Kubernetes"/>, <see cref="KubeApiClient"/>, <see cref="SharedInformerFactory"/>, <see cref="IEventRecorder"/>,
    /// the service that runs the controllers (under leader election when enabled), <c>/metrics</c>, <c>/healthz</c>,
    /// <c>/readyz</c>, JSON or text console logs with scopes, and OTLP tracing when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// A second call only adds <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Sets the name and defaults; flags and configuration override them.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddOperator(this IHostApplicationBuilder builder, Action<OperatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.Configure(configure);
        if (services.Any(d => d.ServiceType == typeof(CacheReadiness)))
        {
            return builder;
        }

        var initial = new OperatorOptions();
        configure(initial);
        OperatorConfiguration.Apply(builder.Configuration, initial, []);
        ConfigureLogging(builder, initial);
        ConfigureTracing(builder, initial);
        services.AddOptions<OperatorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OperatorOptions>, OperatorConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>());
        services.AddOptions<LeaderElectionOptions>().PostConfigure<IOptions<OperatorOptions>>((election, operatorOptions) =>
        {
            var settings = operatorOptions.Value;
            election.LeaseName = string.IsNullOrEmpty(election.LeaseName) ? settings.Name : election.LeaseName;
            election.LeaseDuration = settings.LeaseDuration ?? election.LeaseDuration;
            election.RenewDeadline = settings.RenewDeadline ?? election.RenewDeadline;
            election.RetryPeriod = settings.RetryPeriod ?? election.RetryPeriod;
            election.LeaseNamespace = settings.LeaderElectionNamespace is { Length: > 0 } leaseNamespace ? leaseNamespace
                : settings.Namespace is { Length: > 0 } ns ? ns
                : election.LeaseNamespace;
        });

        services.AddOptions<SharedInformerOptions>().PostConfigure<IOptions<OperatorOptions>>((informers, operatorOptions) =>
            informers.ResyncPeriod = operatorOptions.Value.SyncPeriod ?? informers.ResyncPeriod);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Metrics.DefaultRegistry);
        services.TryAddSingleton<CacheReadiness>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<OperatorOptions>>().Value;
            var configuration = KubeConfigLoader.Load(settings.Kubeconfig);
            configuration.UserAgent = UserAgent(settings);
            return new Kubernetes(configuration);
        });
        services.TryAddSingleton<IKubernetes>(sp => sp.GetRequiredService<Kubernetes>());
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<OperatorOptions>>().Value;
            return new KubeApiClient(
                sp.GetRequiredService<Kubernetes>(),
                new KubeApiClientOptions { Qps = settings.KubeApiQps, Burst = settings.KubeApiBurst, UserAgent = UserAgent(settings) },
                sp.GetService<IJsonTypeInfoResolver>(),
                sp.GetRequiredService<TimeProvider>(),
                new RestClientMetrics(sp.GetRequiredService<CollectorRegistry>()),
                sp.GetRequiredService<ILogger<KubeApiClient>>());
        });
        services.TryAddSingleton(sp => new SharedInformerFactory(
            sp.GetRequiredService<KubeApiClient>(),
            sp.GetRequiredService<IOptions<SharedInformerOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IEventRecorder>(sp => new EventRecorder(
            sp.GetRequiredService<IKubernetes>(),
            new EventRecorderOptions { ReportingController = sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Name },
            sp.GetRequiredService<ILogger<EventRecorder>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<CollectorRegistry>()));
        services.TryAddSingleton<OperatorEndpoints>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OperatorEndpoints>(sp => sp.GetRequiredService<OperatorEndpoints>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OperatorService>());
        return builder;
    }

    /// <summary>
    /// Adds a controller for <typeparamref name="T"/> reconciled by <typeparamref name="TReconciler"/> (resolved from DI;
    /// registered as a singleton unless already registered). The controller watches <see cref="OperatorOptions.Namespace"/>
    /// with <see cref="OperatorOptions.MaxConcurrentReconciles"/> workers unless <paramref name="configure"/> calls
    /// <see cref="ControllerBuilder{T}.WithOptions"/>. A second call for the same pair is ignored.
    /// </summary>
    /// <typeparam name="T">The primary type.</typeparam>
    /// <typeparam name="TReconciler">The reconciler.</typeparam>
    /// <param name="builder">The host builder, on which <see cref="AddOperator"/> has been called.</param>
    /// <param name="configure">Adds owned and watched types, predicates or options; null for none.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddController<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(
        this IHostApplicationBuilder builder, Action<ControllerBuilder<T>>? configure = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
        where TReconciler : class, IReconciler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TReconciler>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IControllerRegistration>(new ControllerRegistration<T, TReconciler>(configure)));
        return builder;
    }

    /// <summary>Console logs with scopes (the controllers' <c>controller</c>, <c>namespace</c>, <c>name</c>, <c>reconcileID</c>).</summary>
    private static void ConfigureLogging(IHostApplicationBuilder builder, OperatorOptions settings)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        if (settings.LogFormat == OperatorLogFormat.Text)
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }

    /// <summary>A span per reconcile, per API call and per extra <see cref="OperatorOptions.ActivitySources"/> activity, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> variables).</summary>
    private static void ConfigureTracing(IHostApplicationBuilder builder, OperatorOptions settings)
    {
        if (string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.Name))
            .WithTracing(tracing => tracing
                .AddSource(ControllerTelemetry.SourceName, KubeApiClientTelemetry.SourceName)
                .AddSource([.. settings.ActivitySources])
                .AddOtlpExporter());
    }

    /// <summary>The <c>User-Agent</c> of every API request: <c>&lt;operator name&gt;/&lt;version of the entry assembly&gt;</c>.</summary>
    private static string UserAgent(OperatorOptions settings)
    {
        var version = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Version ?? new Version(0, 0, 0);
        return settings.Name + "/" + version.ToString(3);
    }
}
