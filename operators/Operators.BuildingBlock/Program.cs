using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Operators.Runtime.Hosting;

// The building-block operator: keeps one NovaAgent per host of every BuildingBlock and reports the
// blocks' readiness and maintenance. Flags of DESIGN.md (--kubeconfig, --namespace, --leader-elect, ...).
var builder = Host.CreateApplicationBuilder(OperatorArguments.Normalize(args));
builder.AddBuildingBlockOperator();
return await builder.Build().RunOperatorAsync();
