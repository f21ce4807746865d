using System.Text.Json.Nodes;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>A JSON merge patch to an object created by the case's <c>given</c> step.</summary>
/// <param name="Kind">The object's kind.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Merge">The merge patch.</param>
internal sealed record CorpusPatch(string Kind, string Name, JsonObject Merge);
