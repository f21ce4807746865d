namespace Operators.Runtime.Hosting;

/// <summary>
/// Prepares command-line arguments for the .NET configuration system, which needs a value after
/// every flag: a bare boolean flag such as <c>--leader-elect</c> (last, or followed by another
/// flag) becomes <c>--leader-elect=true</c>, as the Go operators' flags behave.
/// </summary>
public static class OperatorArguments
{
    private static readonly string[] BooleanFlags = ["--leader-elect"];

    /// <summary>Returns the arguments with bare boolean flags given an explicit <c>true</c>.</summary>
    /// <param name="args">The process's arguments.</param>
    /// <returns>The arguments to pass to <c>Host.CreateApplicationBuilder</c>.</returns>
    public static string[] Normalize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var bare = BooleanFlags.Contains(args[i], StringComparer.Ordinal)
                && (i + 1 == args.Length || args[i + 1].StartsWith('-'));
            result[i] = bare ? args[i] + "=true" : args[i];
        }

        return result;
    }
}
