namespace Operators.Runtime.Events;

/// <summary>One Event as written (or to be written): its name, first occurrence and how many occurrences it stands for.</summary>
internal sealed class EventSeriesEntry(EventOccurrence first, string @namespace, string name)
{
    /// <summary>Gets the first occurrence: the Event's content and <c>eventTime</c>.</summary>
    public EventOccurrence First { get; } = first;

    /// <summary>Gets the Event's namespace.</summary>
    public string Namespace { get; } = @namespace;

    /// <summary>Gets the Event's name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets or sets how many occurrences the Event stands for.</summary>
    public int Count { get; set; } = 1;

    /// <summary>Gets or sets the time of the latest occurrence.</summary>
    public DateTimeOffset LastObserved { get; set; } = first.At;

    /// <summary>Gets or sets the count the API server has; 0 before the Event was created.</summary>
    public int WrittenCount { get; set; }
}
