using Microsoft.Extensions.Options;

namespace Operators.WorkQueue;

/// <summary>Validates <see cref="WorkQueueOptions"/> (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class WorkQueueOptionsValidator : IValidateOptions<WorkQueueOptions>;
