using System.Runtime.CompilerServices;
using System.Threading.Channels;
using k8s.Models;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Cache;

/// <summary>An in-memory <see cref="IResourceClient{T}"/> for informer unit tests: lists a fixed set, watches a channel.</summary>
internal sealed class StubConfigMapClient : IResourceClient<V1ConfigMap>
{
    private int _lists;

    public List<V1ConfigMap> Items { get; } = [];

    private readonly Channel<(WatchEvent<V1ConfigMap> Event, Exception? Error)> _events = Channel.CreateUnbounded<(WatchEvent<V1ConfigMap>, Exception?)>();

    /// <summary>Sends an event to the current watch.</summary>
    public void Send(WatchEvent<V1ConfigMap> watchEvent) => _events.Writer.TryWrite((watchEvent, null));

    /// <summary>Makes the current watch throw.</summary>
    public void Fail(Exception error) => _events.Writer.TryWrite((default, error));

    public ListOptions? LastListOptions { get; private set; }

    public WatchOptions? LastWatchOptions { get; private set; }

    public int Lists => Volatile.Read(ref _lists);

    public ResourceType ResourceType { get; } = ResourceType.For<V1ConfigMap>();

    public Task<ResourceList<V1ConfigMap>> ListAsync(string? namespaceName = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _lists);
        LastListOptions = options;
        return Task.FromResult(new ResourceList<V1ConfigMap>([.. Items], "100", null, null));
    }

    public async IAsyncEnumerable<WatchEvent<V1ConfigMap>> WatchAsync(
        string? namespaceName = null, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LastWatchOptions = options;
        await foreach (var (watchEvent, error) in _events.Reader.ReadAllAsync(cancellationToken))
        {
            if (error is not null)
            {
                throw error;
            }

            yield return watchEvent;
        }
    }

    public Task<V1ConfigMap> GetAsync(string name, string? namespaceName = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<V1ConfigMap> CreateAsync(V1ConfigMap obj, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<V1ConfigMap> UpdateAsync(V1ConfigMap obj, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<V1ConfigMap> UpdateStatusAsync(V1ConfigMap obj, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<V1ConfigMap> PatchAsync(string name, ResourcePatch patch, string? namespaceName = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<V1ConfigMap> PatchStatusAsync(string name, ResourcePatch patch, string? namespaceName = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteAsync(string name, string? namespaceName = null, V1DeleteOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
