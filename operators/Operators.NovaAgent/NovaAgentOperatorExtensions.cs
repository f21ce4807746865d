using System.Text.Json.Serialization.Metadata;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Rendering;

namespace Operators.NovaAgent;

/// <summary>The nova-agent operator's wiring, shared by <c>Program.cs</c> and the tests (which run this very host in-process).</summary>
internal static class NovaAgentOperatorExtensions
{
    /// <summary>
    /// Adds the operator runtime named <c>nova-agent</c>, the custom resources' JSON metadata, and the
    /// NovaAgent controller: <c>For</c> NovaAgent, <c>Owns</c> Deployment and ConfigMap (a change of a
    /// controlled child reaches its NovaAgent), and <c>Watches</c> both kinds by name
    /// (<c>nova-compute-&lt;host&gt;</c> reaches the NovaAgents of that host, whoever controls the object).
    /// Its own flag, <c>--status-progress-interval</c>, spaces out status writes that only report a rollout's progress.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddNovaAgentOperator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddStatusProgressThrottle();
        builder.AddOperator(o => o.Name = AgentNames.OperatorName);
        builder.Services.TryAddSingleton<IJsonTypeInfoResolver>(OpenStackJsonContext.Default);
        var childMap = new AgentsByChildName();
        builder.Services.TryAddSingleton(childMap);
        builder.AddController<V1Alpha1NovaAgent, NovaAgentReconciler>(c => c
            .Owns<V1Deployment>()
            .Owns<V1ConfigMap>()
            .Watches<V1Deployment>(childMap.Map)
            .Watches<V1ConfigMap>(childMap.Map));
        return builder;
    }
}
