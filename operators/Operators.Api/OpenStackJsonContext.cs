using System.Text.Json.Serialization;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;

namespace Operators.Api;

/// <summary>
/// Source-generated JSON metadata of the three custom resources (AOT-clean). Register it as the
/// operator's <c>IJsonTypeInfoResolver</c>; optional fields are omitted rather than written as null.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(V1Alpha1BuildingBlock))]
[JsonSerializable(typeof(V1Alpha1NovaAgent))]
[JsonSerializable(typeof(V1Alpha1MaintenanceNotifier))]
public sealed partial class OpenStackJsonContext : JsonSerializerContext;
