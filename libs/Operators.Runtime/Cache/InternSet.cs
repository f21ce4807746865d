using System.Diagnostics.CodeAnalysis;

namespace Operators.Runtime.Cache;

/// <summary>
/// A bounded set of shared instances in two generations: a new instance joins the young generation; when it
/// is full, the young generation becomes the old one and the previous old one is dropped; an instance found
/// in the old generation moves back to the young one. Instances in use keep being found, and the set never
/// holds more than twice <c>capacity</c>, so values of deleted objects are let go soon.
/// </summary>
/// <typeparam name="T">The instance type.</typeparam>
internal sealed class InternSet<T>
    where T : class
{
    private readonly int _capacity;
    private HashSet<T> _young;
    private HashSet<T> _old;

    public InternSet(IEqualityComparer<T> comparer, int capacity)
    {
        _capacity = capacity;
        _young = new HashSet<T>(comparer);
        _old = new HashSet<T>(comparer);
    }

    /// <summary>Gets how many instances are held.</summary>
    public int Count => _young.Count + _old.Count;

    /// <summary>Returns the held instance equal to <paramref name="item"/>, holding <paramref name="item"/> when there is none.</summary>
    public T Intern(T item)
    {
        if (_young.TryGetValue(item, out var found))
        {
            return found;
        }

        if (_old.TryGetValue(item, out found))
        {
            Add(found);
            return found;
        }

        Add(item);
        return item;
    }

    /// <summary>Finds the held instance equal to an alternate form (e.g. a mutable dictionary for a read-only map).</summary>
    public bool TryFind<TAlternate>(TAlternate alternate, [MaybeNullWhen(false)] out T found)
        where TAlternate : notnull
    {
        if (_young.GetAlternateLookup<TAlternate>().TryGetValue(alternate, out found))
        {
            return true;
        }

        if (_old.GetAlternateLookup<TAlternate>().TryGetValue(alternate, out found))
        {
            Add(found);
            return true;
        }

        return false;
    }

    /// <summary>Holds an instance known to be new.</summary>
    public void Add(T item)
    {
        if (_young.Count >= _capacity)
        {
            (_old, _young) = (_young, _old);
            _young.Clear();
        }

        _young.Add(item);
    }
}
