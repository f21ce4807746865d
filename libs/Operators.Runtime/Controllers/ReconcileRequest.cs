namespace Operators.Runtime.Controllers;

/// <summary>The key a reconcile works on: the namespace (empty for cluster-scoped objects) and name.</summary>
/// <param name="Namespace">The object's namespace; empty for cluster-scoped objects.</param>
/// <param name="Name">The object's name.</param>
public readonly record struct ReconcileRequest(string Namespace, string Name)
{
    /// <summary>The key as client-go writes it: <c>namespace/name</c>, or <c>name</c>.</summary>
    public override string ToString() => Namespace.Length == 0 ? Name : Namespace + "/" + Name;
}
