namespace Operators.Runtime.Objects;

/// <summary>What <see cref="CreateOrPatch"/> did.</summary>
public enum OperationResult
{
    /// <summary>The live object already matched: nothing was written.</summary>
    Unchanged,

    /// <summary>The object did not exist and was created.</summary>
    Created,

    /// <summary>The object existed and was patched with only the difference.</summary>
    Patched,
}
