namespace NetworkingBot.Tests;

/// <summary>
/// In-process hosts share Quartz's process-wide scheduler repository and <see cref="Environment.ExitCode"/>,
/// so they run one at a time; tests that start separate processes run beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "in-process host";
}
