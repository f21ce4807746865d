using k8s.Models;
using Operators.Api.NovaAgents;

namespace Operators.Benchmarks.Scale;

/// <summary>An agent as converged, and its children.</summary>
internal sealed record AgentObjects(V1Alpha1NovaAgent Agent, V1ConfigMap? ConfigMap, V1Deployment? Deployment);
