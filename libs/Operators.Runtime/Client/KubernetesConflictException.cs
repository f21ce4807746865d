using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>
/// 409 Conflict: the object changed since it was read (a stale resourceVersion) or already exists.
/// Controllers read the latest state and try again (usually by requeueing the key).
/// </summary>
public sealed class KubernetesConflictException : KubernetesApiException
{
    /// <summary>Initializes a new instance of the <see cref="KubernetesConflictException"/> class.</summary>
    public KubernetesConflictException()
        : this((V1Status?)null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesConflictException"/> class with a message.</summary>
    public KubernetesConflictException(string message)
        : base(409, message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesConflictException"/> class with a message and cause.</summary>
    public KubernetesConflictException(string message, Exception innerException)
        : base(409, message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesConflictException"/> class from the server's Status.</summary>
    public KubernetesConflictException(V1Status? status)
        : base(409, status)
    {
    }

    /// <summary>Gets a value indicating whether the conflict is a create of a name that exists (<c>AlreadyExists</c>).</summary>
    public bool IsAlreadyExists => Reason == "AlreadyExists";
}
