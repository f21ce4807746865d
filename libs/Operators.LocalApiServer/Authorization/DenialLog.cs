namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// The requests the RBAC evaluator refused: a count and the most recent <see cref="Capacity"/> of them, also served at
/// <c>GET /_local/denials</c> (<c>DELETE</c> resets).
/// </summary>
public sealed class DenialLog
{
    /// <summary>How many denials are kept (the count goes on).</summary>
    public const int Capacity = 1000;

    private readonly Lock _gate = new();
    private readonly Queue<Denial> _recent = new();
    private long _count;

    /// <summary>The number of denials since the start or the last <see cref="Reset"/>.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>The most recent denials, oldest first.</summary>
    public IReadOnlyList<Denial> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Forgets every denial.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _recent.Clear();
            _count = 0;
        }
    }

    /// <summary>Records one denial.</summary>
    internal void Add(Denial denial)
    {
        lock (_gate)
        {
            _count++;
            _recent.Enqueue(denial);
            if (_recent.Count > Capacity)
            {
                _recent.Dequeue();
            }
        }
    }
}
