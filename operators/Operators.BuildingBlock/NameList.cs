namespace Operators.BuildingBlock;

/// <summary>Writes lists of names or problems into condition and Event messages, bounded so a block of 256 hosts keeps them short.</summary>
internal static class NameList
{
    /// <summary>How many items a message lists before it counts the rest.</summary>
    public const int MaxItems = 10;

    /// <summary>The longest message written into a condition.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>The items joined by <paramref name="separator"/>, ending with <c>and N more</c> after <see cref="MaxItems"/>.</summary>
    /// <param name="items">The items, in the order to print them.</param>
    /// <param name="separator">What goes between two items.</param>
    /// <returns>For example <c>node003-bb091, node004-bb091</c>.</returns>
    public static string Format(IReadOnlyCollection<string> items, string separator = ", ")
    {
        ArgumentNullException.ThrowIfNull(items);
        var shown = string.Join(separator, items.Take(MaxItems));
        return items.Count <= MaxItems ? shown : $"{shown} and {items.Count - MaxItems} more";
    }

    /// <summary>Cuts <paramref name="message"/> to <see cref="MaxMessageLength"/> characters, marking the cut.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The message, at most <see cref="MaxMessageLength"/> characters long.</returns>
    public static string Bound(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        const string Cut = " …";
        return message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength - Cut.Length), Cut);
    }
}
