using System.Collections.Concurrent;
using k8s.Models;
using Operators.Runtime.Cache;

namespace Operators.Runtime.Tests.Cache;

/// <summary>Records every notification and mirrors the informer's view in a dictionary.</summary>
internal sealed class RecordingHandler : IResourceEventHandler<V1ConfigMap>
{
    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentDictionary<string, string> Mirror { get; } = new(StringComparer.Ordinal);

    public int Count(string prefix) => Log.Count(entry => entry.StartsWith(prefix, StringComparison.Ordinal));

    public void OnAdd(V1ConfigMap obj, bool isInInitialList)
    {
        Mirror[CacheKey.For(obj)] = obj.Metadata.ResourceVersion;
        Log.Enqueue($"add{(isInInitialList ? "-initial" : string.Empty)} {CacheKey.For(obj)}");
    }

    public void OnUpdate(V1ConfigMap oldObj, V1ConfigMap newObj, bool isResync)
    {
        Mirror[CacheKey.For(newObj)] = newObj.Metadata.ResourceVersion;
        Log.Enqueue($"{(isResync ? "resync" : "update")} {CacheKey.For(newObj)}");
    }

    public void OnDelete(V1ConfigMap obj, bool isFinalStateUnknown)
    {
        Mirror.TryRemove(CacheKey.For(obj), out _);
        Log.Enqueue($"delete{(isFinalStateUnknown ? "-tombstone" : string.Empty)} {CacheKey.For(obj)}");
    }
}
