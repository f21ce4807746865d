using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Storage;

/// <summary>The object a write produced, whether it was created, and warnings for the client.</summary>
internal sealed record WriteResult(JsonObject Object, bool Created, IReadOnlyList<string> Warnings);
