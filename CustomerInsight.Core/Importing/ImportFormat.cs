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

    /// <summary>The currency of a file's amounts when the import does not declare one (product.md, Money): the public Online Retail data are in
    /// pounds sterling.</summary>
    public static string DefaultCurrency(this ImportFormat format, string databaseCurrency) =>
        format == ImportFormat.OnlineRetail ? "GBP" : databaseCurrency;

    /// <summary>An ISO 4217 code as typed (any case, spaces around), upper-cased; null when it is not three letters.</summary>
    public static string? NormaliseCurrency(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return trimmed is { Length: 3 } && trimmed.All(c => c is >= 'A' and <= 'Z') ? trimmed : null;
    }

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
