namespace Operators.LocalRun;

/// <summary>
/// A problem the person running <c>make run</c> can fix (a port in use, a missing build, a missing
/// tool): printed as one line, without a stack trace.
/// </summary>
internal sealed class LaunchException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="LaunchException"/> class.</summary>
    /// <param name="message">One line saying what is wrong and what to do.</param>
    public LaunchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LaunchException"/> class.</summary>
    /// <param name="message">One line saying what is wrong and what to do.</param>
    /// <param name="inner">The underlying error.</param>
    public LaunchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
