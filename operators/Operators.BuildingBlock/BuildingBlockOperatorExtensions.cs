using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.BuildingBlock;
using Operators.Runtime.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the building-block operator into a .NET host; <c>Program.cs</c> and the tests share it.</summary>
internal static class BuildingBlockOperatorExtensions
{
    /// <summary>The operator's name: its Lease, its Events' reporting controller, its <c>managed-by</c> label value.</summary>
    public const string OperatorName = DesiredAgent.ManagedBy;

    /// <summary>
    /// Adds the operator runtime named <c>building-block</c> (flags of DESIGN.md), the JSON metadata of the
    /// custom resources, and one controller: <c>For&lt;BuildingBlock&gt;</c>; <c>Owns&lt;NovaAgent&gt;</c> (a change
    /// or delete of an agent re-triggers its controlling block, so an agent deleted by hand is recreated); and
    /// <c>Watches&lt;NovaAgent&gt;</c> mapped through <see cref="BuildingBlockHostIndex"/> to the blocks that list the
    /// agent's name as a host, so a conflict with a foreign agent resolves once that agent goes. Its own flag,
    /// <c>--status-progress-interval</c>, sets the block's <see cref="Operators.Runtime.Status.ProgressThrottle"/>. A second call adds nothing.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddBuildingBlockOperator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(BuildingBlockHostIndex)))
        {
            return builder;
        }

        var hostIndex = new BuildingBlockHostIndex();
        builder.Services.AddSingleton(hostIndex);
        builder.Services.TryAddSingleton<AgentMetrics>();
        builder.Services.TryAddSingleton<IJsonTypeInfoResolver>(OpenStackJsonContext.Default);
        builder.AddStatusProgressThrottle();
        builder.AddOperator(o => o.Name = OperatorName);
        builder.AddController<V1Alpha1BuildingBlock, BuildingBlockReconciler>(c => c
            .Owns<V1Alpha1NovaAgent>()
            .Watches<V1Alpha1NovaAgent>(hostIndex.BlocksListing));
        return builder;
    }
}
