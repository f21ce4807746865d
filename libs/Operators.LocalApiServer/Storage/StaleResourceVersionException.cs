namespace Operators.LocalApiServer.Storage;

/// <summary>Thrown by the store when a write's expected resourceVersion is no longer current.</summary>
internal sealed class StaleResourceVersionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StaleResourceVersionException()
        : base("the object has been modified")
    {
    }
}
