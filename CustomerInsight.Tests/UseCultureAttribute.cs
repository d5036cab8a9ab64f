using System.Reflection;
using Xunit.v3;

namespace CustomerInsight.Tests;

/// <summary>
/// Runs a test in a culture (number and date formats) and UI culture (texts), then puts the previous ones back, so
/// no test leaves its culture to the next one on the thread. <c>[UseCulture("en-GB")]</c> names it; a bare
/// <c>[UseCulture]</c> on a theory takes the value of its <c>culture</c> parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class UseCultureAttribute(string? culture = null) : BeforeAfterTestAttribute
{
    private CultureInfo? savedCulture, savedUICulture;

    public string? Culture { get; } = culture;

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(methodUnderTest);
        ArgumentNullException.ThrowIfNull(test);
        var name = Culture ?? CultureArgument(methodUnderTest, test)
            ?? throw new InvalidOperationException($"[UseCulture] on {methodUnderTest.Name} needs a culture or a 'culture' parameter.");
        (savedCulture, savedUICulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        CultureInfo.CurrentCulture = savedCulture ?? CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = savedUICulture ?? CultureInfo.CurrentUICulture;
    }

    private static string? CultureArgument(MethodInfo method, IXunitTest test)
    {
        var index = Array.FindIndex(method.GetParameters(), p => p.Name == "culture");
        return index >= 0 && index < test.TestMethodArguments.Length ? test.TestMethodArguments[index] as string : null;
    }
}
