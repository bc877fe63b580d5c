using Microsoft.Extensions.Hosting;

namespace NetworkingBot.Hosting;

/// <summary>
/// One platform adapter's long-running service, as the <see cref="AdapterSupervisor"/> runs it. The contract is the
/// plain <see cref="BackgroundService"/> one, read strictly: <c>ExecuteAsync</c> returning while the host is not
/// stopping means the adapter stopped for good (a rejected token, a fatal setting; it has logged why), and throwing
/// means it faulted and is started again after a backoff.
/// </summary>
/// <param name="Name">The platform, for log lines: "Discord", "Slack".</param>
/// <param name="Service">The adapter's service, never registered with the host itself.</param>
public sealed record SupervisedAdapter(string Name, BackgroundService Service);
