namespace Operators.LocalApiServer.Patching;

/// <summary>How strategic merge patch combines a field of the object with the patch's value.</summary>
internal enum PatchStrategy
{
    /// <summary>The patch's value replaces the field (the default of lists).</summary>
    Replace,

    /// <summary>Objects merge member by member (the default of objects); lists merge by merge key, or as a set of primitives.</summary>
    Merge,
}
