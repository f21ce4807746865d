using System.Text.Json.Serialization;

namespace Operators.Benchmarks.Informer;

/// <summary>Source-generated JSON for <see cref="ProbeResult"/>.</summary>
[JsonSerializable(typeof(ProbeResult))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;
