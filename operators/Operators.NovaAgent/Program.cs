using Microsoft.Extensions.Hosting;
using Operators.NovaAgent;
using Operators.Runtime.Hosting;

// The nova-agent operator: one nova-compute agent (ConfigMap + Deployment) per NovaAgent.
// Flags of DESIGN.md (--kubeconfig, --namespace, --leader-elect, ...); see README.md.
var builder = Host.CreateApplicationBuilder(OperatorArguments.Normalize(args));
builder.AddNovaAgentOperator();
return await builder.Build().RunOperatorAsync();
