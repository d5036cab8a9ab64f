using System.Reflection;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Tests.Core;

/// <summary>
/// The house rules on Core, checked on the compiled types (signatures and IL, so a use hidden in a lambda, an
/// iterator or an async method counts) rather than on folders or file texts.
/// </summary>
public class CoreArchitectureTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] PureNamespaces =
    [
        typeof(SalesKpiCalculator).Namespace!,
        typeof(ImpactCalculator).Namespace!,
        typeof(RfmScorer).Namespace!,
        typeof(CustomerInsight.Core.Value.ClvCalculator).Namespace!,
    ];

    private static readonly Assembly Core = typeof(InsightDbContext).Assembly;

    /// <summary>
    /// Pure core: in the feature namespaces that hold computations (Analytics, Omoc, Rfm) every type is pure except
    /// the database services beside them, which say so by taking an <see cref="IDbContextFactory{TContext}"/>
    /// (queries, commands, caches). A pure type uses no EF Core type and reads no clock.
    /// </summary>
    [Fact]
    public void PureTypes_UseNoEntityFrameworkAndNoClock()
    {
        var pure = Core.GetTypes().Where(t => PureNamespaces.Contains(t.Namespace) && !IsDatabaseService(Outermost(t))).ToList();
        // The rule covers what it should: calculators of the three namespaces, not the services beside them.
        Assert.Contains(typeof(RfmScorer), pure);
        Assert.Contains(typeof(SalesKpiCalculator), pure);
        Assert.Contains(typeof(ImpactCalculator), pure);
        Assert.DoesNotContain(typeof(OmocQueries), pure);
        Assert.DoesNotContain(typeof(RfmQueries), pure);
        Assert.Contains(typeof(CustomerInsight.Core.Value.ClvCalculator), pure);
        Assert.Contains(typeof(CustomerInsight.Core.Value.Hypergeometric), pure);
        Assert.DoesNotContain(typeof(CustomerInsight.Core.Value.ClvQueries), pure);

        var offenders = pure.SelectMany(t => Offences(t, IsImpure)).ToList();

        Assert.Empty(offenders);
    }

    /// <summary>Nothing assumes SQLite outside the Data folder: no SQLite type, no PRAGMA, no json_each.</summary>
    [Fact]
    public void TypesOutsideData_UseNoSqliteSpecifics()
    {
        var data = typeof(InsightDbContext).Namespace!;
        var outside = Core.GetTypes().Where(t => t.Namespace is { } ns && ns != data && !ns.StartsWith(data + ".", StringComparison.Ordinal)).ToList();
        Assert.Contains(typeof(KpiQueries), outside);

        var offenders = outside.SelectMany(t => Offences(t, IsSqliteSpecific)).ToList();

        Assert.Empty(offenders);
    }

    /// <summary>
    /// Texts resolved in one place: the features that show texts (workbooks, OMOC, RFM, segments) return codes and
    /// arguments; the words, French first, are in the web project's CoreText.resx pair.
    /// </summary>
    [Fact]
    public void TypesShowingTexts_WriteNoFrenchWords()
    {
        var showing = Core.GetTypes().Where(t => TextNamespaces.Contains(t.Namespace)).ToList();
        Assert.Contains(typeof(CustomerInsight.Core.Reporting.KpiWorkbook), showing);
        Assert.Contains(typeof(OmocAxes), showing);

        var offenders = showing.SelectMany(t => Offences(t, WritesFrench)).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Offences_ClockEfAndSqlite_AreFound()
    {
        Assert.Contains(Offences(typeof(WritesFrenchWords), WritesFrench), o => o.Contains("Période", StringComparison.Ordinal));
        Assert.Empty(Offences(typeof(Pure), WritesFrench));
        // The checks themselves can fail: the clock read in a lambda, a DbContext taken, a PRAGMA written.
        Assert.Contains(Offences(typeof(ReadsTheClock), IsImpure), o => o.Contains("DateTime.get_UtcNow", StringComparison.Ordinal));
        Assert.Contains(Offences(typeof(TakesADbContext), IsImpure), o => o.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(Offences(typeof(WritesAPragma), IsSqliteSpecific), o => o.Contains("PRAGMA", StringComparison.Ordinal));
        Assert.Empty(Offences(typeof(Pure), IsImpure));
        Assert.Empty(Offences(typeof(Pure), IsSqliteSpecific));
    }

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

    private static Rule IsImpure { get; } = new(
        t => t.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true || t == typeof(TimeProvider),
        m => (m.DeclaringType == typeof(DateTime) || m.DeclaringType == typeof(DateTimeOffset)) && m.Name is "get_Now" or "get_UtcNow" or "get_Today",
        _ => false);

    private static readonly string?[] TextNamespaces =
    [
        typeof(CustomerInsight.Core.Reporting.ExcelReportWriter).Namespace,
        typeof(ImpactCalculator).Namespace,
        typeof(RfmScorer).Namespace,
        typeof(CustomerInsight.Core.Segments.AudienceExport).Namespace,
        typeof(CustomerInsight.Core.Importing.ImportMessages).Namespace,
    ];

    private static readonly System.Buffers.SearchValues<char> FrenchLetters = System.Buffers.SearchValues.Create("éèêëàâçôûùîïœÉÈÊÀÂÇÔ«»");

    /// <summary>Accented letters, guillemets or a French space before a colon: words of a language.</summary>
    private static Rule WritesFrench { get; } = new(
        _ => false,
        _ => false,
        s => s.AsSpan().IndexOfAny(FrenchLetters) >= 0 || s.Contains(" :", StringComparison.Ordinal) || s.Contains("\u00a0:", StringComparison.Ordinal));

    private static Rule IsSqliteSpecific { get; } = new(
        t => t.Namespace is { } ns && (ns.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)
            || ns.StartsWith("SQLitePCL", StringComparison.Ordinal) || ns.StartsWith("Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal)),
        _ => false,
        s => s.Contains("PRAGMA", StringComparison.OrdinalIgnoreCase) || s.Contains("json_each", StringComparison.OrdinalIgnoreCase)
            || s.Contains("sqlite_", StringComparison.OrdinalIgnoreCase));

    /// <summary>Each forbidden use by <paramref name="type"/> and its nested types (lambdas, iterators, state machines), described.</summary>
    private static IEnumerable<string> Offences(Type type, Rule rule) =>
        type.GetNestedTypes(All).SelectMany(n => Offences(n, rule)).Concat(OwnOffences(type, rule)).Distinct();

    private static IEnumerable<string> OwnOffences(Type type, Rule rule)
    {
        var signatures = type.GetFields(All).Select(f => f.FieldType)
            .Concat(type.GetProperties(All).Select(p => p.PropertyType))
            .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
            .Append(type.BaseType ?? typeof(object))
            .SelectMany(Flatten)
            .Where(rule.Type)
            .Select(u => $"{type.FullName} uses {u.FullName}");
        var bodies = type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)).SelectMany(m => Body(m)
            .Select(operand => operand switch
            {
                MethodBase c when c.DeclaringType is { } d && (rule.Type(d) || rule.Call(c)) => $"{type.FullName}.{m.Name} calls {d.FullName}.{c.Name}",
                string s when rule.Text(s) => $"{type.FullName}.{m.Name} writes \"{s}\"",
                _ => null,
            })
            .OfType<string>());
        return signatures.Concat(bodies);
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType
            ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type)
            : type.HasElementType ? Flatten(type.GetElementType()!).Prepend(type) : [type];

    /// <summary>The methods a body calls (call, callvirt, newobj, ldftn) and the strings it loads (ldstr), read from its IL.</summary>
    private static IEnumerable<object> Body(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        for (var i = 0; i < il.Length - 4; i++)
        {
            var token = BitConverter.ToInt32(il, i + 1);
            object? operand = null;
            try
            {
                // ldstr 0x72 with a string token (0x70); call 0x28, callvirt 0x6F, newobj 0x73, ldftn 0xFE 0x06 with a
                // MethodDef (0x06), MemberRef (0x0A) or MethodSpec (0x2B) token. Bytes that are really an operand
                // resolve to nothing or throw: skipped.
                if (il[i] == 0x72 && (token >> 24) == 0x70)
                {
                    operand = method.Module.ResolveString(token);
                }
                else if ((il[i] is 0x28 or 0x6F or 0x73 || (il[i] == 0x06 && i > 0 && il[i - 1] == 0xFE)) && (token >> 24) is 0x06 or 0x0A or 0x2B)
                {
                    operand = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(),
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                }
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException)
            {
                operand = null;
            }
            if (operand is not null)
            {
                yield return operand;
            }
        }
    }

    private sealed record Rule(Func<Type, bool> Type, Func<MethodBase, bool> Call, Func<string, bool> Text);

    private sealed class ReadsTheClock
    {
        public Func<int> Year { get; } = () => DateTime.UtcNow.Year;
    }

    private sealed class TakesADbContext(DbContext db)
    {
        public override string ToString() => db.ContextId.ToString();
    }

    private sealed class WritesAPragma
    {
        public static string Sql() => "PRAGMA cache_size";
    }

    private sealed class WritesFrenchWords
    {
        public static string Label() => "Période";
    }

    private sealed class Pure
    {
        public static int Twice(int x) => 2 * x;
    }
}
