using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>
/// 410 Gone (reason <c>Expired</c>): the resourceVersion or continue token is older than the server's
/// history. A watcher must list again.
/// </summary>
public sealed class KubernetesGoneException : KubernetesApiException
{
    /// <summary>Initializes a new instance of the <see cref="KubernetesGoneException"/> class.</summary>
    public KubernetesGoneException()
        : this((V1Status?)null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesGoneException"/> class with a message.</summary>
    public KubernetesGoneException(string message)
        : base(410, message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesGoneException"/> class with a message and cause.</summary>
    public KubernetesGoneException(string message, Exception innerException)
        : base(410, message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesGoneException"/> class from the server's Status.</summary>
    public KubernetesGoneException(V1Status? status)
        : base(410, status)
    {
    }
}
