namespace NetworkingBot.Core.Leases;

/// <summary>Who this instance is when it holds leases in a store shared with others (settings section State).</summary>
public sealed class LeaseOptions
{
    /// <summary>
    /// A name this instance keeps across restarts and no other running instance uses (a pod name in a StatefulSet,
    /// "bot-1"). When set, every lease this instance takes is marked with it, so after a crash the restarted
    /// instance takes its own dead leases at once instead of waiting out their 45 s. Empty: leases are anonymous and
    /// a crashed instance's lease runs out by itself.
    /// </summary>
    public string? InstanceId { get; set; }
}
