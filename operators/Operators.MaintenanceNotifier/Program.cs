using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Operators.Runtime.Hosting;

// The maintenance-notifier: delivers one notification per maintenance transition of the selected
// BuildingBlocks to each MaintenanceNotifier's webhook. Flags of DESIGN.md (--kubeconfig, --namespace,
// --leader-elect=true, ...), /metrics, /healthz, /readyz, JSON logs; see README.md.
var builder = Host.CreateApplicationBuilder(OperatorArguments.Normalize(args));
builder.AddMaintenanceNotifier();
return await builder.Build().RunOperatorAsync();
