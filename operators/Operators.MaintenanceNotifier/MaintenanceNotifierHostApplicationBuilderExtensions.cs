using System.Text.Json.Serialization.Metadata;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier;
using Operators.MaintenanceNotifier.Delivery;
using Operators.MaintenanceNotifier.Reconciliation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the maintenance-notifier into a host; <c>Program.cs</c> and the tests share it.</summary>
internal static class MaintenanceNotifierHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the operator runtime (<c>AddOperator</c>, name <c>maintenance-notifier</c>, 4 concurrent reconciles
    /// unless <c>--max-concurrent-reconciles</c> says otherwise), the custom resources' JSON metadata, the webhook
    /// sender, the delivery metric, and the controller:
    /// <c>For&lt;MaintenanceNotifier&gt;</c>, <c>Watches&lt;BuildingBlock&gt;</c> (every notifier of the namespace whose
    /// selector matches) and <c>Watches&lt;Secret&gt;</c> (every notifier that refers to it). A second call changes nothing.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddMaintenanceNotifier(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(NotifierLookup)))
        {
            return builder;
        }

        builder.AddOperator(o =>
        {
            o.Name = MaintenanceNotifierOperator.Name;
            o.MaxConcurrentReconciles = MaintenanceNotifierOperator.DefaultMaxConcurrentReconciles;
            o.ActivitySources.Add(DeliveryTelemetry.SourceName);
        });
        builder.Services.TryAddSingleton<IJsonTypeInfoResolver>(OpenStackJsonContext.Default);
        builder.Services.TryAddSingleton<WebhookSender>();
        builder.Services.TryAddSingleton<DeliveryMetrics>();
        var lookup = new NotifierLookup();
        builder.Services.AddSingleton(lookup);
        builder.AddController<V1Alpha1MaintenanceNotifier, MaintenanceNotifierReconciler>(c => c
            .Watches<V1Alpha1BuildingBlock>(lookup.ForBuildingBlock)
            .Watches<V1Secret>(lookup.ForSecret));
        return builder;
    }
}
