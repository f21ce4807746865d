using System.Text.Json.Nodes;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Storage;

/// <summary>What a CRD says about one served version of its custom resource.</summary>
internal sealed record CustomResourceVersion(
    string CrdName,
    CustomResourceSchema? Schema,
    JsonArray PrinterColumns,
    string? ScaleSpecReplicasPath,
    string? ScaleStatusReplicasPath,
    string? ScaleLabelSelectorPath);
