using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Operators.LocalApiServer;

/// <summary>Source-generated serialization of the JSON DOM types the server writes.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class JsonContext : JsonSerializerContext;
