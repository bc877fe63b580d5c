using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("NetworkingBot.Storage.Redis.Tests.RedisTestFramework", "NetworkingBot.Storage.Redis.Tests")]

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// Marks a test class whose every test needs the Redis server, including the facts it inherits from a shared
/// contract suite (which cannot carry <see cref="RedisFactAttribute"/>: the same suite runs on SQLite and in memory).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsRedisAttribute : Attribute;

/// <summary>
/// xunit's own framework, except that without a Redis server (and outside CI) each test of a
/// <see cref="NeedsRedisAttribute"/> class is reported skipped with the reason, instead of being left out of the
/// build: the run's skipped count is then exactly the number of tests that did not run.
/// </summary>
public sealed class RedisTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var reason = RedisServer.SkipReason;
            if (reason is null
                || !testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsRedisAttribute)).Any()
                || !testMethod.Method.GetCustomAttributes(typeof(Xunit.FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            // A theory is one skipped case too, as xunit reports a theory whose Skip is set.
            var skipped = new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test case reported as skipped with a reason of our own; the reason survives serialization to the runner.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
        _reason = reason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("SkipBecause", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>("SkipBecause");
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;
}
