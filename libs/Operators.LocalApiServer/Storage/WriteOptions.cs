namespace Operators.LocalApiServer.Storage;

/// <summary>Options of one write request.</summary>
internal sealed record WriteOptions
{
    /// <summary>A write with no options.</summary>
    public static WriteOptions Default { get; } = new();

    /// <summary><c>dryRun=All</c>: everything but the store write.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>fieldValidation</c>: <c>Strict</c>, <c>Warn</c> (the default) or <c>Ignore</c>.</summary>
    public string FieldValidation { get; init; } = "Warn";

    /// <summary>The subresource written: empty, <c>status</c> or <c>scale</c>.</summary>
    public string Subresource { get; init; } = "";
}
