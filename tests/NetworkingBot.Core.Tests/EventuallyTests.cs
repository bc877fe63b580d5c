using NetworkingBot.Testing;

namespace NetworkingBot.Core.Tests;

/// <summary>The shared poll helper: returns once the condition holds, and names what it waited for when it never does.</summary>
public sealed class EventuallyTests
{
    [Fact]
    public async Task Returns_as_soon_as_another_thread_makes_the_condition_true()
    {
        var done = 0;
        var worker = Task.Run(async () =>
        {
            await Task.Yield();
            Volatile.Write(ref done, 1);
        });

        await Eventually.TrueAsync(() => Volatile.Read(ref done) == 1, "the worker");

        await worker;
    }

    [Fact]
    public async Task Names_what_it_waited_for_when_the_condition_never_holds()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.TrueAsync(() => false, "the shard to be ready", TimeSpan.FromMilliseconds(50)));

        Assert.Contains("the shard to be ready", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asks_an_asynchronous_condition_again_until_it_holds()
    {
        var asked = 0;

        await Eventually.TrueAsync(async () =>
        {
            await Task.Yield();
            return Interlocked.Increment(ref asked) >= 3;
        }, "the third answer");

        Assert.Equal(3, asked);
    }
}
