using Microsoft.Extensions.Logging;
using Operators.Runtime.Cache;
using Operators.Runtime.Controllers;
using Prometheus;

namespace Operators.Runtime.Hosting;

/// <summary>One controller added with <c>AddController</c>, built when the operator starts.</summary>
internal interface IControllerRegistration
{
    /// <summary>Builds the controller: registers its event handlers on the informers and resolves its reconciler.</summary>
    Controller Build(IServiceProvider services, SharedInformerFactory informers, OperatorOptions options, ILogger logger, CollectorRegistry registry, TimeProvider time);
}
