using System.Collections.Concurrent;
using Operators.Runtime.Controllers;

namespace Operators.Runtime.Tests.Hosting;

/// <summary>The requests one host's reconciler has seen.</summary>
public sealed class ReconcileLog
{
    private readonly ConcurrentQueue<ReconcileRequest> _requests = new();

    public IReadOnlyCollection<ReconcileRequest> Requests => _requests;

    public void Add(ReconcileRequest request) => _requests.Enqueue(request);

    public bool Saw(string ns, string name) => _requests.Any(r => r.Namespace == ns && r.Name == name);
}
