using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Operators.Runtime.AotExample;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.Controllers;

// Runs the ConfigMap copier against the cluster of a kubeconfig until Ctrl-C:
//   Operators.Runtime.AotExample <kubeconfig> <namespace>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Operators.Runtime.AotExample <kubeconfig> <namespace>");
    return 2;
}

using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole());
using var kubernetes = new Kubernetes(KubeConfigLoader.Load(args[0]));
var api = new KubeApiClient(kubernetes);
await using var informers = new SharedInformerFactory(api, loggerFactory: loggers);
var cache = informers.GetInformer<V1ConfigMap>(args[1]);
var controller = new ControllerBuilder<V1ConfigMap>(informers, args[1])
    .Owns<V1ConfigMap>()
    .WithOptions(new ControllerOptions { Name = "configmap-copier" })
    .Build(new ConfigMapCopier(api, cache), loggers.CreateLogger("configmap-copier"));

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
informers.Start(stop.Token);
await informers.WaitForCacheSyncAsync(stop.Token);
await controller.RunAsync(stop.Token);
return 0;
