using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>What one replay produced.</summary>
/// <param name="Outcome">The normalized outcome, shaped like an <c>expected/&lt;name&gt;.json</c> file.</param>
/// <param name="RelationViolations">Broken relation checks, which fail the scenario whatever the expectations say.</param>
public sealed record ScenarioResult(JsonObject Outcome, IReadOnlyList<string> RelationViolations);
