using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// Puts <see cref="SqliteFileHealth"/> in front of a store port: every call first checks the file is not known to be
/// damaged, and every SQLite error it ends with is reported. One proxy for every port (their methods all return
/// tasks), rather than a hand-written decorator per port that would have to follow each port's changes.
/// </summary>
internal static class SqliteGuard
{
    public static T Wrap<T>(T inner, SqliteFileHealth health)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, GuardProxy<T>>();
        var guard = (GuardProxy<T>)(object)proxy;
        guard.Inner = inner;
        guard.Health = health;
        return proxy;
    }

    // One closed WatchResultAsync<T> per Task<T> the ports return, made once.
    private static readonly ConcurrentDictionary<Type, MethodInfo> Watchers = new();

    private static readonly MethodInfo WatchResult = typeof(SqliteGuard).GetMethod(nameof(WatchResultAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    internal static object? Watch(object? result, Type returnType, SqliteFileHealth health)
    {
        if (result is not Task task)
        {
            return result;
        }

        return returnType.IsGenericType
            ? Watchers.GetOrAdd(returnType, t => WatchResult.MakeGenericMethod(t.GetGenericArguments()[0])).Invoke(null, [task, health])
            : WatchAsync(task, health);
    }

    private static async Task WatchAsync(Task task, SqliteFileHealth health)
    {
        try
        {
            await task.ConfigureAwait(false);
            health.Succeeded();
        }
        catch (SqliteException ex)
        {
            ExceptionDispatchInfo.Throw(health.Report(ex));
        }
    }

    private static async Task<TResult> WatchResultAsync<TResult>(Task<TResult> task, SqliteFileHealth health)
    {
        try
        {
            var result = await task.ConfigureAwait(false);
            health.Succeeded();
            return result;
        }
        catch (SqliteException ex)
        {
            ExceptionDispatchInfo.Throw(health.Report(ex));
            throw; // unreachable: Throw always throws
        }
    }

    /// <summary>DispatchProxy needs an unsealed class with a parameterless constructor, hence not sealed.</summary>
#pragma warning disable CA1852
    internal class GuardProxy<T> : DispatchProxy
#pragma warning restore CA1852
        where T : class
    {
        internal T Inner { get; set; } = null!;

        internal SqliteFileHealth Health { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            Health.ThrowIfDamaged();
            object? result;
            try
            {
                result = targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(ex.InnerException is SqliteException sqlite ? Health.Report(sqlite) : ex.InnerException);
                throw; // unreachable
            }

            return Watch(result, targetMethod.ReturnType, Health);
        }
    }
}
