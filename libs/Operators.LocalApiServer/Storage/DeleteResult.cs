using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Storage;

/// <summary>What a delete did: removed the object at once, or marked it for deletion (finalizers).</summary>
internal sealed record DeleteResult(JsonObject Object, bool Removed);
