namespace Operators.Runtime.Controllers;

/// <summary>
/// A reconcile failure that retrying cannot fix (for example an invalid spec): it is counted and
/// logged, and the key is not requeued until its object changes again.
/// </summary>
public sealed class TerminalReconcileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TerminalReconcileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
