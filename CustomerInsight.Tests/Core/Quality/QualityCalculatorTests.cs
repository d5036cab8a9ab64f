using CustomerInsight.Core.Quality;

namespace CustomerInsight.Tests.Core.Quality;

/// <summary>metrics.md "Good data": completeness, validity, freshness bands and consent coverage.</summary>
public sealed class QualityCalculatorTests
{
    private static readonly DateTime At = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Cutoff = At.AddMonths(-36);

    [Theory]
    [InlineData("marie@exemple.fr", true)]
    [InlineData("marie@exemple", false)]
    [InlineData("@exemple.fr", false)]
    [InlineData("marie@@exemple.fr", false)]
    [InlineData("marie@ex emple.fr", false)]
    [InlineData("marie.exemple.fr", false)]
    [InlineData("ma@rie@exemple.fr", false)]
    public void IsValidEmail_MetricsRule(string email, bool valid) => Assert.Equal(valid, QualityRules.IsValidEmail(email));

    [Theory]
    [InlineData("+33 6 12 34 56 78", true)]
    [InlineData("06 12 34 56 78", true)]
    [InlineData("0612", false)]
    [InlineData("1234567", false)]
    [InlineData("12345678", true)]
    [InlineData("+33 6 12 34 56 78 90 12 34", false)]
    public void IsValidPhone_NormalisedHas8To15Digits(string phone, bool valid) => Assert.Equal(valid, QualityRules.IsValidPhone(phone));

    [Theory]
    [InlineData("75011", true)]
    [InlineData("06000", true)]
    [InlineData("7501", false)]
    [InlineData("750110", false)]
    [InlineData("75 011", false)]
    [InlineData("2A004", false)]
    public void IsValidFrenchPostalCode_FiveDigits(string code, bool valid) => Assert.Equal(valid, QualityRules.IsValidFrenchPostalCode(code));

    private static QualityRecord R(int id, string? format = "customers", string? email = null, string? phone = null, string? postal = null,
        string? country = "France", DateTime? last = null, params ConsentPurpose[] purposes) =>
        new(id, format, new PersonalFields("Prénom", "Nom", email, phone, postal, "Ville", country), last, purposes.ToHashSet());

    [Fact]
    public void Compute_WorkedExample_FiguresOverallAndPerFormat_WorstFirst()
    {
        QualityRecord[] records =
        [
            R(1, email: "a@x.fr", phone: "06 12 34 56 78", postal: "75011", last: At.AddDays(-10), purposes: ConsentPurpose.EmailMarketing),
            R(2, email: "b@x", phone: "0612", postal: "7501", last: At.AddDays(-200)),
            R(3, email: null, phone: null, postal: "1000", country: "Belgique", last: At.AddDays(-1200)),
            R(4, format: null, email: "d@x.fr", last: null, purposes: [ConsentPurpose.EmailMarketing, ConsentPurpose.SmsMarketing]),
        ];

        var report = QualityCalculator.Compute(records, At, Cutoff);

        var overall = report.Overall.Figures.ToDictionary(f => f.Code);
        Assert.Equal(4, report.Overall.Customers);
        Assert.Equal((3, 4), (overall["completeness.email"].Count, overall["completeness.email"].Total));
        Assert.Equal((2, 4), (overall["completeness.phone"].Count, overall["completeness.phone"].Total));
        // Validity counts only present values; the Belgian postal code is not checked as French.
        Assert.Equal((2, 3), (overall["validity.email"].Count, overall["validity.email"].Total));
        Assert.Equal((1, 2), (overall["validity.phone"].Count, overall["validity.phone"].Total));
        Assert.Equal((1, 2), (overall["validity.postalCode"].Count, overall["validity.postalCode"].Total));
        Assert.Equal(1, overall["freshness.days0to90"].Count);
        Assert.Equal(1, overall["freshness.days91to365"].Count);
        Assert.Equal(1, overall["freshness.pastRetention"].Count);
        Assert.Equal(1, overall["freshness.noActivity"].Count);
        Assert.Equal((2, 4), (overall["consent.EmailMarketing"].Count, overall["consent.EmailMarketing"].Total));
        Assert.Equal(0, overall["consent.PhoneMarketing"].Count);
        Assert.Equal(4, overall["consent.PhoneMarketing"].Behind);

        // Worst first: consent to phone and personalisation (0 %) before the rest; 100 % complete fields last.
        var worst = report.Overall.WorstFirst.Select(f => f.Code).ToList();
        Assert.Equal(["consent.Personalisation", "consent.PhoneMarketing"], worst.Take(2));
        Assert.Equal(1.0, report.Overall.WorstFirst.Last().Share);

        // Per format: "customers" (3) and no known import (1), the worst scope first.
        Assert.Equal(2, report.ByFormat.Count);
        Assert.Equal("customers", report.ByFormat[0].Format);
        Assert.Equal(3, report.ByFormat[0].Customers);
        Assert.Null(report.ByFormat[1].Format);
        Assert.True(report.ByFormat[0].Score <= report.ByFormat[1].Score);
    }

    [Fact]
    public void IsBehind_OpensTheCustomersOfTheFigure()
    {
        var invalid = R(2, email: "b@x", phone: "0612", postal: "7501", last: At.AddDays(-200));
        var good = R(1, email: "a@x.fr", phone: "06 12 34 56 78", postal: "75011", last: At.AddDays(-10), purposes: ConsentPurpose.EmailMarketing);

        Assert.True(QualityCalculator.IsBehind(invalid, "validity.email", At, Cutoff));
        Assert.False(QualityCalculator.IsBehind(good, "validity.email", At, Cutoff));
        Assert.True(QualityCalculator.IsBehind(R(3), "completeness.email", At, Cutoff));
        Assert.True(QualityCalculator.IsBehind(invalid, "freshness.days91to365", At, Cutoff));
        Assert.True(QualityCalculator.IsBehind(invalid, "consent.EmailMarketing", At, Cutoff));
        Assert.False(QualityCalculator.IsBehind(good, "consent.EmailMarketing", At, Cutoff));
        Assert.False(QualityCalculator.IsBehind(good, "nonsense", At, Cutoff));
    }

    [Theory]
    [InlineData(0, "days0to90")]
    [InlineData(90, "days0to90")]
    [InlineData(91, "days91to365")]
    [InlineData(365, "days91to365")]
    [InlineData(366, "days366to730")]
    [InlineData(731, "days731toRetention")]
    [InlineData(1200, "pastRetention")]
    public void Band_DaysSinceLastActivity(int days, string band) => Assert.Equal(band, QualityCalculator.Band(At.AddDays(-days), At, Cutoff));
}
