namespace CustomerInsight.Web.Cli;

/// <summary>
/// A service built only when a verb uses it: the workbook exports (and, through their report settings, a read of the
/// database's currency) are built for <c>--out FILE.xlsx</c> alone, not on every <c>kpi</c> or <c>rfm</c> run.
/// </summary>
public sealed class Deferred<T>(IServiceProvider services) where T : notnull
{
    private T? value;

    public T Value => value ??= services.GetRequiredService<T>();
}
