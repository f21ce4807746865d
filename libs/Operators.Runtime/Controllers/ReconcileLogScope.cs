using System.Collections;

namespace Operators.Runtime.Controllers;

/// <summary>
/// The log scope of one reconcile: structured properties for JSON logs (<c>controller</c>,
/// <c>namespace</c>, <c>name</c>, <c>reconcileID</c>) and a short readable form for text logs
/// (<c>building-block openstack/bb091 #1a2b3c4d</c>).
/// </summary>
internal sealed class ReconcileLogScope(string controller, ReconcileRequest request, string reconcileId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <inheritdoc />
    public int Count => 4;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("controller", controller),
        1 => new("namespace", request.Namespace),
        2 => new("name", request.Name),
        3 => new("reconcileID", reconcileId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The text form: controller, <c>namespace/name</c> and the first 8 characters of the reconcile id.</summary>
    /// <returns>The text shown by single-line console logs.</returns>
    public override string ToString() => $"{controller} {request} #{reconcileId[..Math.Min(8, reconcileId.Length)]}";
}
