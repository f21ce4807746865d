using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Storage;

/// <summary>
/// What is particular to one kind of resource: its defaults, its validation and whether it
/// tracks <c>metadata.generation</c>. The storage calls it on every create and update.
/// </summary>
internal interface IResourceBehavior
{
    /// <summary>
    /// True when <c>metadata.generation</c> is kept for this kind (starts at 1 and is bumped
    /// when anything outside <c>metadata</c> and <c>status</c> changes).
    /// </summary>
    bool TracksGeneration { get; }

    /// <summary>Fills in the defaults the API server adds (on create and on update).</summary>
    void ApplyDefaults(JsonObject obj);

    /// <summary>
    /// Validates the object, including the format of <c>metadata.name</c>; <paramref name="old"/>
    /// is the stored object on update and null on create. Returns no causes when valid.
    /// </summary>
    IReadOnlyList<StatusCause> Validate(JsonObject obj, JsonObject? old);
}
