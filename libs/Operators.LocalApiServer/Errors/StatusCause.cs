namespace Operators.LocalApiServer.Errors;

/// <summary>
/// One field-level cause of an API error, as in <c>metav1.StatusCause</c>:
/// <c>reason</c> such as <c>FieldValueRequired</c>, the field path such as <c>spec.hosts[0].name</c>,
/// and the message kube-apiserver prints for it (for example <c>Required value</c>).
/// </summary>
public sealed record StatusCause(string Reason, string Field, string Message)
{
    /// <summary>The cause as it is printed inside an Invalid error's message: <c>field: message</c>.</summary>
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
