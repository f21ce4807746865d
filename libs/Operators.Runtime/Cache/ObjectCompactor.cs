using System.Text.Json;

namespace Operators.Runtime.Cache;

/// <summary>
/// Makes a decoded object small before it is cached: strings, resource quantities and small maps that many
/// cached objects hold the same are replaced by one shared instance from the informer's own
/// <see cref="InternPool"/>; labels, annotations and other small maps become read-only
/// <see cref="CompactMap{TValue}"/>s; lists of conditions, owner references and strings become arrays. The
/// object stays equal to what was decoded (it serializes to the same JSON). Thread-safe.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
internal sealed class ObjectCompactor<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly InternPool _pool = new();
    private readonly CompactNode? _root;

    /// <summary>Initializes a new instance of the <see cref="ObjectCompactor{T}"/> class from the JSON metadata of <typeparamref name="T"/>.</summary>
    public ObjectCompactor(JsonSerializerOptions options) => _root = CompactionPlan.For(typeof(T), options);

    /// <summary>Gets how many shared instances the pool holds (for tests).</summary>
    internal int Pooled
    {
        get
        {
            lock (_gate)
            {
                return _pool.Count;
            }
        }
    }

    /// <summary>Compacts <paramref name="obj"/> in place and returns it.</summary>
    public T Compact(T obj)
    {
        if (_root is null || obj is null)
        {
            return obj!;
        }

        lock (_gate)
        {
            return (T)_root.Compact(obj, _pool);
        }
    }
}
