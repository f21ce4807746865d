namespace Operators.LocalApiServer.BuiltIns;

/// <summary>Sizes of base64-encoded byte fields, counted as kube-apiserver counts the decoded bytes.</summary>
internal static class Base64Length
{
    /// <summary>The number of bytes a valid base64 string decodes to.</summary>
    public static long Decoded(string base64)
    {
        var length = base64.Count(c => c is not ('\r' or '\n' or ' ' or '\t'));
        var padding = base64.TrimEnd().EndsWith("==", StringComparison.Ordinal) ? 2 : base64.TrimEnd().EndsWith('=') ? 1 : 0;
        return (long)length / 4 * 3 - padding;
    }
}
