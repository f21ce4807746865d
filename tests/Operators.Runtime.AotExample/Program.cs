using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Operators.Runtime.AotExample;
using Operators.Runtime.Hosting;

// The ConfigMap copier as an operator: flags of DESIGN.md (e.g. --kubeconfig, --namespace,
// --leader-elect=true), /metrics, /healthz, /readyz, JSON logs. `make aot-check` publishes it
// with NativeAOT so that any trim or AOT warning in the runtime fails the build.
var builder = Host.CreateApplicationBuilder(OperatorArguments.Normalize(args));
builder.AddOperator(o => o.Name = "configmap-copier");
builder.AddController<V1ConfigMap, ConfigMapCopierReconciler>(c => c.Owns<V1ConfigMap>());
return await builder.Build().RunOperatorAsync();
