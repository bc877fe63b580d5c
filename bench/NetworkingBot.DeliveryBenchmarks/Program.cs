using System.Globalization;
using NetworkingBot.DeliveryBenchmarks;

// Delivery and acknowledgement through the loopback fakes (issue 18). Not a timed test: it prints figures for
// docs/PERFORMANCE.md. Usage: dotnet run -c Release --project bench/NetworkingBot.DeliveryBenchmarks --
//   [--members 1000] [--latency-ms 50] [--global 50] [--concurrent 50] [--only discord|slack|ack] [--redis host:port]
//   [--ack-command "status"|"join tz:UTC"] [--detail]
var options = BenchOptions.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"members {options.Members}, round trip {options.Latency.TotalMilliseconds} ms added by the fakes, Discord global limit {options.GlobalPerSecond}/s, store {options.Redis ?? "SQLite"}, {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));

if (options.Runs("discord"))
{
    await DiscordDelivery.RunAsync(options);
}

if (options.Runs("slack"))
{
    await SlackDelivery.RunAsync(options);
}

if (options.Runs("ack"))
{
    await Acknowledgements.RunAsync(options);
}
