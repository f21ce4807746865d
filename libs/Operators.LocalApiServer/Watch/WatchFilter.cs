using Operators.LocalApiServer.Selectors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Watch;

/// <summary>Which objects a watch or list sees: a namespace and label and field selectors.</summary>
internal sealed record WatchFilter(string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    /// <summary>True when the object is selected.</summary>
    public bool Matches(StoredObject obj) =>
        (Namespace is null || obj.Namespace == Namespace) && Labels.Matches(obj.Labels) && Fields.Matches(obj);
}
