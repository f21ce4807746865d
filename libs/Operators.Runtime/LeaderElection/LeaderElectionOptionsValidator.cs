using Microsoft.Extensions.Options;

namespace Operators.Runtime.LeaderElection;

/// <summary>Validates <see cref="LeaderElectionOptions"/> (source-generated from its data annotations and <see cref="LeaderElectionOptions.Validate"/>).</summary>
[OptionsValidator]
internal sealed partial class LeaderElectionOptionsValidator : IValidateOptions<LeaderElectionOptions>;
