namespace Operators.Soak;

/// <summary>A call of the soak to the API server failed for good (a permanent error, or no success within the patience).</summary>
internal sealed class SoakApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SoakApiException"/> class.</summary>
    public SoakApiException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SoakApiException"/> class.</summary>
    /// <param name="message">What failed.</param>
    public SoakApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SoakApiException"/> class.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SoakApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
