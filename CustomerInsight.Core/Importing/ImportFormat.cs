namespace CustomerInsight.Core.Importing;

/// <summary>The five file formats of interfaces.md.</summary>
public enum ImportFormat
{
    OnlineRetail,
    Customers,
    OrderLines,
    Surveys,
    Consents,
}

public static class ImportFormats
{
    public static IReadOnlyList<ImportFormat> All { get; } = Enum.GetValues<ImportFormat>();

    /// <summary>The code used on the command line and in reports (<c>online-retail</c>, <c>order-lines</c>…).</summary>
    public static string Code(this ImportFormat format) => format switch
    {
        ImportFormat.OnlineRetail => "online-retail",
        ImportFormat.Customers => "customers",
        ImportFormat.OrderLines => "order-lines",
        ImportFormat.Surveys => "surveys",
        ImportFormat.Consents => "consents",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static bool TryParse(string? code, out ImportFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }
}
