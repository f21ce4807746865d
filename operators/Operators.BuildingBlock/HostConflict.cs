using k8s.Models;
using Operators.Api.BuildingBlocks;

namespace Operators.BuildingBlock;

/// <summary>A host whose NovaAgent exists but is not controlled by the block: left untouched and reported.</summary>
/// <param name="Host">The host, which is the NovaAgent's name.</param>
/// <param name="Controller">The agent's controller reference; null when nothing controls it.</param>
internal sealed record HostConflict(string Host, V1OwnerReference? Controller)
{
    /// <summary>Says who holds the agent, e.g. <c>NovaAgent node002-bb091 is controlled by BuildingBlock bb090</c>.</summary>
    /// <param name="blockName">The name of the block that wants the host.</param>
    /// <returns>One sentence naming the agent and its controller.</returns>
    public string Describe(string blockName)
    {
        if (Controller is not { } owner)
        {
            return $"NovaAgent {Host} exists without a controller";
        }

        return owner.Kind == V1Alpha1BuildingBlock.KindName && owner.Name == blockName
            ? $"NovaAgent {Host} is controlled by an earlier BuildingBlock {owner.Name} (uid {owner.Uid}), which the garbage collector removes"
            : $"NovaAgent {Host} is controlled by {owner.Kind} {owner.Name}";
    }
}
