namespace Operators.LocalApiServer.Tables;

/// <summary>
/// A JSONPath expression could not be applied to a document, as kube-apiserver's evaluator
/// reports for an index out of bounds, a filter over a non-array or incomparable operands.
/// A table cell whose expression fails this way is <c>null</c>.
/// </summary>
internal sealed class JsonPathEvaluationException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public JsonPathEvaluationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JsonPathEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public JsonPathEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
