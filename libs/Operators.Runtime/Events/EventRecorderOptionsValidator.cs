using Microsoft.Extensions.Options;

namespace Operators.Runtime.Events;

/// <summary>Validates <see cref="EventRecorderOptions"/> (source-generated from its data annotations and <see cref="EventRecorderOptions.Validate"/>).</summary>
[OptionsValidator]
internal sealed partial class EventRecorderOptionsValidator : IValidateOptions<EventRecorderOptions>;
