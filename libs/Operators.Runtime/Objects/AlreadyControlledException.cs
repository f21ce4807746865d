using k8s.Models;

namespace Operators.Runtime.Objects;

/// <summary>
/// An object already has a different controller owner. An operator never adopts such an object;
/// it reports the conflict (DESIGN.md section 6.0, Ownership).
/// </summary>
public sealed class AlreadyControlledException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="AlreadyControlledException"/> class.</summary>
    public AlreadyControlledException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlreadyControlledException"/> class with a message.</summary>
    /// <param name="message">The message.</param>
    public AlreadyControlledException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlreadyControlledException"/> class with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AlreadyControlledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlreadyControlledException"/> class for an existing controller reference.</summary>
    /// <param name="existing">The controller reference the object already has.</param>
    public AlreadyControlledException(V1OwnerReference existing)
        : base($"The object is already controlled by {existing?.Kind} {existing?.Name} ({existing?.Uid}).")
    {
        Existing = existing;
    }

    /// <summary>Gets the controller reference the object already has, when known.</summary>
    public V1OwnerReference? Existing { get; }
}
