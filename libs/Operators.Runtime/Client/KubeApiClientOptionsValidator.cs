using Microsoft.Extensions.Options;

namespace Operators.Runtime.Client;

/// <summary>Validates <see cref="KubeApiClientOptions"/> (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class KubeApiClientOptionsValidator : IValidateOptions<KubeApiClientOptions>;
