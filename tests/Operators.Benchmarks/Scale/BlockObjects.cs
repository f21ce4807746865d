using Operators.Api.BuildingBlocks;

namespace Operators.Benchmarks.Scale;

/// <summary>A block as converged, and its agents.</summary>
internal sealed record BlockObjects(V1Alpha1BuildingBlock Block, IReadOnlyList<AgentObjects> Agents);
