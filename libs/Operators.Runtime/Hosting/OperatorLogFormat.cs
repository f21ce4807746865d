namespace Operators.Runtime.Hosting;

/// <summary>How an operator writes its logs (<c>--log-format</c>).</summary>
public enum OperatorLogFormat
{
    /// <summary>One JSON object per line, scopes included: for log collectors.</summary>
    Json,

    /// <summary>One human-readable line per entry, scopes included: for a terminal.</summary>
    Text,
}
