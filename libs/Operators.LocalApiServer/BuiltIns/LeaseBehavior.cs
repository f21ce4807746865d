using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// coordination.k8s.io/v1 Lease: no defaults; spec field types are checked as the decoder does
/// (400), <c>acquireTime</c>/<c>renewTime</c> are written back as MicroTime; durations and
/// transitions must not be negative.
/// </summary>
internal sealed class LeaseBehavior : IResourceBehavior
{
    private static readonly DecodeErrors Decode = new("Lease", "v1");
    private static readonly string[] Strategies = ["OldestEmulationVersion"];

    /// <inheritdoc />
    public bool TracksGeneration => false;

    /// <inheritdoc />
    public void ApplyDefaults(JsonObject obj)
    {
        var spec = obj.GetObject("spec");
        Decode.RequireMetadataTypes(obj);
        Decode.RequireKind(obj, "spec", JsonValueKind.Object, "Lease.spec", "v1.LeaseSpec");
        Decode.RequireKind(spec, "holderIdentity", JsonValueKind.String, "LeaseSpec.spec.holderIdentity", "string");
        Decode.RequireKind(spec, "leaseDurationSeconds", JsonValueKind.Number, "LeaseSpec.spec.leaseDurationSeconds", "int32");
        Decode.RequireKind(spec, "leaseTransitions", JsonValueKind.Number, "LeaseSpec.spec.leaseTransitions", "int32");
        Decode.RequireKind(spec, "strategy", JsonValueKind.String, "LeaseSpec.spec.strategy", "v1.CoordinatedLeaseStrategy");
        Decode.RequireKind(spec, "preferredHolder", JsonValueKind.String, "LeaseSpec.spec.preferredHolder", "string");
        Timestamps.NormalizeMicroTime(spec, "acquireTime", Decode, "LeaseSpec.spec.acquireTime");
        Timestamps.NormalizeMicroTime(spec, "renewTime", Decode, "LeaseSpec.spec.renewTime");
    }

    /// <inheritdoc />
    public IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        ObjectMetaRules.Validate(obj, namespaced: true, NameRules.DnsSubdomain, standardFinalizers: false, causes);
        if (old is not null)
        {
            ObjectMetaRules.ValidateUpdate(obj, old, causes);
        }

        var spec = obj.GetObject("spec");
        if (spec.GetInteger("leaseDurationSeconds") is <= 0 and var duration)
        {
            causes.Add(FieldCauses.Invalid("spec.leaseDurationSeconds", duration, "must be greater than 0"));
        }

        if (spec.GetInteger("leaseTransitions") is < 0 and var transitions)
        {
            causes.Add(FieldCauses.Invalid("spec.leaseTransitions", transitions, "must be greater than or equal to 0"));
        }

        var strategy = spec.GetString("strategy");
        if (strategy is not null)
        {
            if (!strategy.Contains('/', StringComparison.Ordinal))
            {
                if (!Strategies.Contains(strategy))
                {
                    causes.Add(FieldCauses.NotSupported("spec.strategy.strategy", strategy, Strategies));
                }
            }
            else
            {
                causes.AddRange(FieldCauses.InvalidEach("spec.strategy.strategy", strategy, ContentRules.QualifiedName(strategy)));
            }
        }

        if (!string.IsNullOrEmpty(spec.GetString("preferredHolder")) && string.IsNullOrEmpty(strategy))
        {
            causes.Add(FieldCauses.Forbidden("spec.preferredHolder", "may only be specified if `strategy` is defined"));
        }

        return causes;
    }
}
