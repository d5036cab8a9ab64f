using System.Reflection;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Rfm;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Tests.Core;

/// <summary>
/// The house rule "pure core", checked on the compiled types rather than on folders: in the feature namespaces
/// that hold computations (Analytics, Omoc, Rfm), every type is pure except the database services, which
/// say so by taking an <see cref="IDbContextFactory{TContext}"/> (the feature's queries, commands and caches
/// live next to its pure types). A pure type uses no EF Core type and reads no clock, neither in its
/// signatures nor in its method bodies (the IL is read, so a call hidden in a lambda or an iterator counts).
/// </summary>
public class PureCoreTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] PureNamespaces =
    [
        typeof(SalesKpiCalculator).Namespace!,
        typeof(ImpactCalculator).Namespace!,
        typeof(RfmScorer).Namespace!,
    ];

    [Fact]
    public void PureTypes_UseNoEntityFrameworkAndNoClock()
    {
        var pure = PureTypes().ToList();
        // The rule covers what it should: calculators of the three namespaces, not the services beside them.
        Assert.Contains(typeof(RfmScorer), pure);
        Assert.Contains(typeof(SalesKpiCalculator), pure);
        Assert.Contains(typeof(ImpactCalculator), pure);
        Assert.DoesNotContain(typeof(OmocQueries), pure);
        Assert.DoesNotContain(typeof(RfmQueries), pure);

        var offenders = pure.SelectMany(Offences).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Offences_TypeCallingTheClockOrEf_AreFound()
    {
        // The check itself can fail: a type that reads the clock in a lambda and one that takes a DbContext.
        Assert.Contains(Offences(typeof(ReadsTheClock)), o => o.Contains("DateTime.get_UtcNow", StringComparison.Ordinal));
        Assert.Contains(Offences(typeof(TakesADbContext)), o => o.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Empty(Offences(typeof(Pure)));
    }

    private static IEnumerable<Type> PureTypes() =>
        typeof(InsightDbContext).Assembly.GetTypes()
            .Where(t => PureNamespaces.Contains(t.Namespace) && !IsDatabaseService(Outermost(t)));

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    private static bool IsDatabaseService(Type type) =>
        type.GetConstructors(All).Any(c => c.GetParameters().Any(p =>
            p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IDbContextFactory<>)));

    /// <summary>Each use of EF Core or of the clock by <paramref name="type"/> and its nested types (lambdas, iterators), described.</summary>
    private static IEnumerable<string> Offences(Type type) =>
        type.GetNestedTypes(All).SelectMany(Offences).Concat(OwnOffences(type)).Distinct();

    private static IEnumerable<string> OwnOffences(Type type)
    {
        var signatures = type.GetFields(All).Select(f => f.FieldType)
            .Concat(type.GetProperties(All).Select(p => p.PropertyType))
            .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
            .Append(type.BaseType ?? typeof(object))
            .SelectMany(Flatten)
            .Where(IsForbidden)
            .Select(u => $"{type.FullName} uses {u.FullName}");
        var calls = type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All))
            .SelectMany(m => CalledMethods(m).Where(c => c.DeclaringType is { } d && (IsForbidden(d) || IsClock(c)))
                .Select(c => $"{type.FullName}.{m.Name} calls {c.DeclaringType!.FullName}.{c.Name}"));
        return signatures.Concat(calls).Distinct();
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType
            ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type)
            : type.HasElementType ? Flatten(type.GetElementType()!).Prepend(type) : [type];

    private static bool IsForbidden(Type type) =>
        type.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true
        || type == typeof(TimeProvider);

    private static bool IsClock(MethodBase method) =>
        (method.DeclaringType == typeof(DateTime) || method.DeclaringType == typeof(DateTimeOffset))
        && method.Name is "get_Now" or "get_UtcNow" or "get_Today";

    /// <summary>The methods a method body calls (call, callvirt, newobj, ldftn), read from its IL.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        for (var i = 0; i < il.Length - 4; i++)
        {
            // call 0x28, callvirt 0x6F, newobj 0x73 then a 4-byte token; ldftn is 0xFE 0x06.
            var isCall = il[i] is 0x28 or 0x6F or 0x73 || (il[i] == 0x06 && i > 0 && il[i - 1] == 0xFE);
            var token = BitConverter.ToInt32(il, i + 1);
            // Method tokens are MethodDef (0x06), MemberRef (0x0A) or MethodSpec (0x2B).
            if (!isCall || (token >> 24) is not (0x06 or 0x0A or 0x2B))
            {
                continue;
            }
            MethodBase? called;
            try
            {
                called = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException)
            {
                continue; // Not an instruction boundary: the bytes were an operand.
            }
            if (called is not null)
            {
                yield return called;
            }
        }
    }

    private sealed class ReadsTheClock
    {
        public Func<int> Year { get; } = () => DateTime.UtcNow.Year;
    }

    private sealed class TakesADbContext(DbContext db)
    {
        public override string ToString() => db.ContextId.ToString();
    }

    private sealed class Pure
    {
        public static int Twice(int x) => 2 * x;
    }
}
