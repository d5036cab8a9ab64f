using System.Diagnostics;
using System.Text;
using CustomerInsight.Core.Data.Demo;

namespace CustomerInsight.Core.Importing.Generation;

/// <summary>What to generate. Defaults: the scale target of engineering.md (1 M customers, 10 M order lines, three years).</summary>
public sealed record ScaleDatasetOptions
{
    public int Customers { get; init; } = 1_000_000;
    public long Lines { get; init; } = 10_000_000;
    public long Seed { get; init; } = 1;
    public DateOnly Start { get; init; } = new(2023, 1, 1);
    public int Years { get; init; } = 3;

    /// <summary>Share of sale orders (with a customer) followed by a survey response.</summary>
    public double SurveyRate { get; init; } = 0.08;

    /// <summary>Share of sale orders (with a customer) partly cancelled later.</summary>
    public double CancellationRate { get; init; } = 0.03;

    public int Products { get; init; } = 2_000;
}

/// <summary>The files written and what they hold (the counts an import of them must report).</summary>
public sealed record ScaleDataset(
    string CustomersFile, string OrderLinesFile, string SurveysFile, string ConsentsFile,
    int Customers, long Orders, long Lines, long CancellationOrders, long AnonymousOrders, long Responses, long Consents,
    TimeSpan Elapsed);

/// <summary>
/// Writes a large, deterministic dataset in the import formats of interfaces.md (<c>customers</c>,
/// <c>order-lines</c>, <c>surveys</c>, <c>consents</c>; gzip CSV): the same options give byte-identical files.
/// Customers have French-style names, emails, phones and cities; order lines span <see cref="ScaleDatasetOptions.Years"/>
/// years from the start date, several lines per order, every channel, a fifth of the customers buying most
/// (so RFM has a spread), a few anonymous store orders, partial cancellations a few days after a sale, and
/// survey responses (NPS and CSAT) after some orders. Streaming: memory does not grow with the sizes.
/// </summary>
public static class ScaleDatasetGenerator
{
    public const string CustomersFileName = "customers.csv.gz";
    public const string OrderLinesFileName = "order-lines.csv.gz";
    public const string SurveysFileName = "surveys.csv.gz";
    public const string ConsentsFileName = "consents.csv.gz";

    private const ulong CustomerStream = 1, OrderStream = 2, SurveyStream = 3, ConsentStream = 4, CatalogStream = 5;

    private static readonly string[] EmailDomains = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr", "yahoo.fr", "sfr.fr",
        "hotmail.fr"];

    // Web, Store, Phone, Marketplace, Other.
    private static readonly byte[][] Channels = [.. new[] { "Web", "Store", "Phone", "Marketplace", "Other" }.Select(CsvGzipWriter.Encode)];
    private static readonly int[] ChannelWeights = GeneratorRandom.Cumulate(45, 33, 7, 12, 3);
    private static readonly int[] LinesPerOrder = GeneratorRandom.Cumulate(0, 35, 25, 17, 10, 6, 3, 2, 1, 1);
    private static readonly int[] QuantityWeights = GeneratorRandom.Cumulate(0, 80, 13, 4, 2, 1);
    private static readonly int[] RecommendWeights = GeneratorRandom.Cumulate(3, 1, 2, 2, 3, 5, 7, 12, 20, 22, 23);

    private static readonly byte[] Sale = "Sale"u8.ToArray(), Cancellation = "Cancellation"u8.ToArray();
    private static readonly byte[] Transactional = "Transactional"u8.ToArray(), Relational = "Relational"u8.ToArray();

    public static async Task<ScaleDataset> GenerateAsync(string folder, ScaleDatasetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Lines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Years, 1);
        Directory.CreateDirectory(folder);
        var watch = Stopwatch.StartNew();
        var customersPath = Path.Combine(folder, CustomersFileName);
        var linesPath = Path.Combine(folder, OrderLinesFileName);
        var surveysPath = Path.Combine(folder, SurveysFileName);
        var consentsPath = Path.Combine(folder, ConsentsFileName);

        // Two independent passes (separate random streams), one per core.
        var people = Task.Run(() => WriteCustomers(customersPath, consentsPath, options, cancellationToken), cancellationToken);
        var sales = Task.Run(() => WriteOrders(linesPath, surveysPath, options, cancellationToken), cancellationToken);
        var (customers, consents) = await people;
        var orders = await sales;
        return new ScaleDataset(customersPath, linesPath, surveysPath, consentsPath,
            customers, orders.Orders, orders.Lines, orders.Cancellations, orders.Anonymous, orders.Responses, consents, watch.Elapsed);
    }

    /// <summary>Source customer id of customer number <paramref name="index"/> (0-based): <c>C0000001</c>…</summary>
    public static string CustomerId(int index) => "C" + (index + 1).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private static (int Customers, long Consents) WriteCustomers(string customersPath, string consentsPath, ScaleDatasetOptions options,
        CancellationToken cancellationToken)
    {
        var random = new GeneratorRandom(options.Seed, CustomerStream);
        var consentRandom = new GeneratorRandom(options.Seed, ConsentStream);
        var firstNames = DemoCatalog.FirstNames.Select(CsvGzipWriter.Encode).ToArray();
        var lastNames = DemoCatalog.LastNames.Select(CsvGzipWriter.Encode).ToArray();
        var firstSlugs = DemoCatalog.FirstNames.Select(Slug).ToArray();
        var lastSlugs = DemoCatalog.LastNames.Select(Slug).ToArray();
        var cities = DemoCatalog.Cities;
        var cityWeights = GeneratorRandom.Cumulate([.. cities.Select(c => c.Weight)]);
        var cityNames = cities.Select(c => CsvGzipWriter.Encode(c.Name)).ToArray();
        var countries = cities.Select(c => CsvGzipWriter.Encode(c.Country)).ToArray();
        var sources = new[] { "web-form", "store", "call-centre" }.Select(CsvGzipWriter.Encode).ToArray();
        var firstCreated = options.Start.AddYears(-2).ToDateTime(TimeOnly.MinValue);
        var createdSpanDays = (options.Start.AddYears(options.Years).AddDays(-30).DayNumber - options.Start.AddYears(-2).DayNumber);
        var email = new StringBuilder();
        long consents = 0;

        using var file = new CsvGzipWriter(customersPath);
        using var consentFile = new CsvGzipWriter(consentsPath);
        file.Header("CustomerId", "FirstName", "LastName", "Email", "Phone", "PostalCode", "City", "Country", "CreatedAt");
        consentFile.Header("CustomerId", "Purpose", "Status", "RecordedAt", "Source", "ProofReference");
        for (var i = 0; i < options.Customers; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var first = random.Next(firstNames.Length);
            var last = random.Next(lastNames.Length);
            var city = random.Pick(cityWeights);
            var created = firstCreated.AddDays(random.Next(createdSpanDays)).AddSeconds(8 * 3600 + random.Next(13 * 3600));

            file.Id((byte)'C', i + 1, 7);
            file.Field(firstNames[first]);
            file.Field(lastNames[last]);
            if (random.Chance(0.92))
            {
                email.Clear().Append(firstSlugs[first]).Append('.').Append(lastSlugs[last]).Append(i + 1).Append('@')
                    .Append(EmailDomains[random.Next(EmailDomains.Length)]);
                file.Ascii(email.ToString());
            }
            else
            {
                file.Empty();
            }
            if (random.Chance(0.8))
            {
                file.Ascii(Phone(cities[city].Country, random));
            }
            else
            {
                file.Empty();
            }
            file.Ascii(cities[city].Name == "Paris" ? "750" + (1 + random.Next(20)).ToString("D2",
                System.Globalization.CultureInfo.InvariantCulture) : cities[city].PostalCode);
            file.Field(cityNames[city]);
            file.Field(countries[city]);
            file.DateTime(created);
            file.EndRow();

            // Consents: most customers opt in to emails when they sign up, some withdraw later; fewer to SMS.
            var source = sources[consentRandom.Next(sources.Length)];
            if (consentRandom.Chance(0.6))
            {
                consents += Consent(consentFile, i, "EmailMarketing"u8, "Granted"u8, created, source);
                if (consentRandom.Chance(0.15))
                {
                    consents += Consent(consentFile, i, "EmailMarketing"u8, "Withdrawn"u8, created.AddDays(1 + consentRandom.Next(700)), source);
                }
            }
            if (consentRandom.Chance(0.3))
            {
                consents += Consent(consentFile, i, "SmsMarketing"u8, "Granted"u8, created.AddMinutes(1), source);
            }
        }
        return (options.Customers, consents);
    }

    private static int Consent(CsvGzipWriter file, int customer, ReadOnlySpan<byte> purpose, ReadOnlySpan<byte> status, DateTime at, byte[] source)
    {
        file.Id((byte)'C', customer + 1, 7);
        file.Field(purpose);
        file.Field(status);
        file.DateTime(at);
        file.Field(source);
        file.Id((byte)'F', customer + 1, 7);
        file.EndRow();
        return 1;
    }

    private static string Phone(string country, GeneratorRandom random)
    {
        var digits = random.NextLong(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return country switch
        {
            "Belgique" => "+32 4" + digits,
            "Suisse" => "+41 7" + digits,
            "Luxembourg" => "+352 6" + digits,
            _ => "+33 6" + digits,
        };
    }

    /// <summary>Lower-case ASCII for an email address: accents dropped, anything else removed.</summary>
    private static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
        return text.ToString();
    }

    private sealed record OrderCounts(long Orders, long Lines, long Cancellations, long Anonymous, long Responses);

    private sealed class Catalog
    {
        public required byte[][] Codes;
        public required byte[][] Descriptions;
        public required long[] PriceCents;
    }

    /// <summary>Products: variants of the demo catalogue, each with its own code and a price around the base one.</summary>
    private static Catalog BuildCatalog(ScaleDatasetOptions options)
    {
        var random = new GeneratorRandom(options.Seed, CatalogStream);
        var count = Math.Max(1, options.Products);
        var catalog = new Catalog { Codes = new byte[count][], Descriptions = new byte[count][], PriceCents = new long[count] };
        var bases = DemoCatalog.Products;
        for (var p = 0; p < count; p++)
        {
            var product = bases[p % bases.Length];
            var variant = p / bases.Length + 1;
            catalog.Codes[p] = CsvGzipWriter.Encode(product.Code + "-" + variant.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            catalog.Descriptions[p] = CsvGzipWriter.Encode(variant == 1
                ? product.Description
                : product.Description + " - modèle " + variant.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var cents = (long)Math.Round(product.Price * 100m * (0.8m + (decimal)random.NextDouble() * 0.4m));
            catalog.PriceCents[p] = Math.Max(99, cents / 100 * 100 + (random.Chance(0.5) ? 99 : 90) - 100);
        }
        return catalog;
    }

    private static OrderCounts WriteOrders(string linesPath, string surveysPath, ScaleDatasetOptions options, CancellationToken cancellationToken)
    {
        var random = new GeneratorRandom(options.Seed, OrderStream);
        var surveyRandom = new GeneratorRandom(options.Seed, SurveyStream);
        var catalog = BuildCatalog(options);
        var comments = new[] { DemoCatalog.NegativeComments, DemoCatalog.NeutralComments, DemoCatalog.PositiveComments }
            .Select(group => group.Select(CsvGzipWriter.Encode).ToArray()).ToArray();
        var customers = options.Customers;
        // A fifth of the customers (spread over the ids by a permutation) place 60 % of the orders.
        var regulars = Math.Max(1, customers / 5);
        var step = Coprime(2_654_435_761L % customers, customers);
        var offset = 7919L % customers;
        var start = options.Start.ToDateTime(TimeOnly.MinValue);
        var days = options.Start.AddYears(options.Years).DayNumber - options.Start.DayNumber;
        var lastDay = start.AddDays(days - 1);
        var products = new int[16];
        var quantities = new int[16];

        using var file = new CsvGzipWriter(linesPath);
        using var surveys = new CsvGzipWriter(surveysPath);
        file.Header("OrderId", "CustomerId", "OrderedAt", "Channel", "Kind", "ProductCode", "Description", "Quantity", "UnitPrice");
        surveys.Header("ResponseId", "CustomerId", "OrderId", "RespondedAt", "Kind", "Channel", "RecommendScore", "SatisfactionScore", "Comment");
        long written = 0, orders = 0, cancellations = 0, anonymous = 0, responses = 0;
        while (written < options.Lines)
        {
            if ((orders & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            // Time moves forward with the lines written, with a little jitter: three years, evenly filled.
            var day = Math.Min(days - 1, (int)(written * days / options.Lines) + random.Next(2));
            var at = start.AddDays(day).AddSeconds(8 * 3600 + random.Next(14 * 3600));
            var channel = random.Pick(ChannelWeights);
            var isAnonymous = channel == 1 && random.Chance(0.1);
            var customer = -1;
            if (!isAnonymous)
            {
                var k = random.Chance(0.6) ? random.Next(regulars) : random.Next(customers);
                customer = (int)((k * step + offset) % customers);
            }
            var size = (int)Math.Min(random.Pick(LinesPerOrder), options.Lines - written);
            for (var l = 0; l < size; l++)
            {
                products[l] = (int)(catalog.PriceCents.Length * Math.Pow(random.NextDouble(), 2));
                quantities[l] = random.Pick(QuantityWeights);
            }
            orders++;
            var orderNumber = orders;
            WriteOrder(file, catalog, (byte)'O', orderNumber, customer, at, Channels[channel], Sale, products, quantities, size, sign: 1);
            written += size;
            if (customer < 0)
            {
                anonymous++;
                continue;
            }

            // Some sales are partly cancelled (their first lines, all units) a few days later.
            if (written < options.Lines && random.Chance(options.CancellationRate))
            {
                var cancelled = (int)Math.Min(1 + random.Next(size), options.Lines - written);
                var cancelledAt = at.AddDays(1 + random.Next(20));
                orders++;
                cancellations++;
                WriteOrder(file, catalog, (byte)'R', orderNumber, customer, cancelledAt > lastDay.AddHours(22) ? lastDay.AddHours(22) : cancelledAt,
                    Channels[channel], Cancellation, products, quantities, cancelled, sign: -1);
                written += cancelled;
            }

            if (surveyRandom.Chance(options.SurveyRate))
            {
                responses++;
                var transactional = surveyRandom.Chance(0.85);
                surveys.Id((byte)'S', responses, 9);
                surveys.Id((byte)'C', customer + 1, 7);
                if (transactional)
                {
                    surveys.Id((byte)'O', orderNumber, 9);
                }
                else
                {
                    surveys.Empty();
                }
                surveys.DateTime(at.AddDays(1 + surveyRandom.Next(14)));
                surveys.Field(transactional ? Transactional : Relational);
                if (transactional)
                {
                    surveys.Field(Channels[channel]);
                }
                else
                {
                    surveys.Empty();
                }
                var recommend = surveyRandom.Pick(RecommendWeights);
                var satisfaction = Math.Clamp((int)Math.Round(recommend / 2.5 + surveyRandom.NextDouble() * 1.6 - 0.3), 1, 5);
                var which = surveyRandom.Next(20); // 0: recommend only, 1: satisfaction only, else both
                if (which == 1)
                {
                    surveys.Empty();
                }
                else
                {
                    surveys.Number(recommend);
                }
                if (which == 0)
                {
                    surveys.Empty();
                }
                else
                {
                    surveys.Number(satisfaction);
                }
                if (surveyRandom.Chance(0.2))
                {
                    var group = comments[recommend <= 6 ? 0 : recommend <= 8 ? 1 : 2];
                    surveys.Field(group[surveyRandom.Next(group.Length)]);
                }
                else
                {
                    surveys.Empty();
                }
                surveys.EndRow();
            }
        }
        return new OrderCounts(orders, written, cancellations, anonymous, responses);
    }

    private static void WriteOrder(CsvGzipWriter file, Catalog catalog, byte prefix, long number, int customer, DateTime at, byte[] channel,
        byte[] kind,
        int[] products, int[] quantities, int size, int sign)
    {
        for (var l = 0; l < size; l++)
        {
            var p = products[l];
            file.Id(prefix, number, 9);
            if (customer < 0)
            {
                file.Empty();
            }
            else
            {
                file.Id((byte)'C', customer + 1, 7);
            }
            file.DateTime(at);
            file.Field(channel);
            file.Field(kind);
            file.Field(catalog.Codes[p]);
            file.Field(catalog.Descriptions[p]);
            file.Number(sign * quantities[l]);
            file.Cents(catalog.PriceCents[p]);
            file.EndRow();
        }
    }

    /// <summary>The first value from <paramref name="candidate"/> up that shares no factor with <paramref name="n"/> (a permutation step).</summary>
    private static long Coprime(long candidate, long n)
    {
        if (n == 1)
        {
            return 1;
        }
        var c = Math.Max(1, candidate);
        while (Gcd(c, n) != 1)
        {
            c++;
        }
        return c;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
