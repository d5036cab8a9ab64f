using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Data.Demo;

/// <summary>
/// Everything the demo company holds, ready to be written. <see cref="DuplicateRecords"/> are second source records of
/// some of the <see cref="Customers"/> (an old store loyalty card of a web customer: same e-mail or phone written another
/// way, or the name without its accents), with no order, answer or consent of their own: every figure is the same
/// with or without them until the Good data page merges them.
/// </summary>
public sealed record DemoCompany(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<SurveyResponse> SurveyResponses,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<Customer> DuplicateRecords);

/// <summary>
/// Generates the demo company: deterministic from a fixed seed (same seed and size → same
/// figures), three years of orders on the four channels with seasonality, many one-time
/// buyers and a loyal core, cancellations, surveys with French comments, consent histories.
/// </summary>
public sealed class DemoCompanyGenerator(BusinessCalendar calendar, int seed = DemoCompanyGenerator.DefaultSeed)
{
    // One entry per catalogue product, shared by the lines (their ids are the database's: DemoSeeder sets them).
    private readonly Product[] catalogue = [.. DemoCatalog.Products.Select(p => new Product { Code = p.Code, Description = p.Description })];

    public const int DefaultSeed = 20_231_001;
    public const string Source = "demo";

    /// <summary>The demo company's history: three whole years, fixed so every run sees the same figures.</summary>
    public static readonly DateOnly FirstDay = new(2023, 10, 1);
    public static readonly DateOnly EndDay = new(2026, 10, 1);

    // Relative order volume per calendar month (January sales, summer dip, Black Friday and Christmas).
    private static readonly double[] MonthWeight = [1.15, 0.85, 0.9, 0.9, 0.95, 1.0, 0.9, 0.75, 1.0, 1.0, 1.45, 1.6];

    public DemoCompany Generate(int customerCount)
    {
        var random = new Random(seed);
        var customers = new List<Customer>(customerCount);
        var orders = new List<Order>(customerCount * 4);
        var responses = new List<SurveyResponse>();
        var consents = new List<ConsentRecord>();
        var totalDays = EndDay.DayNumber - FirstDay.DayNumber;
        long orderId = 1;

        for (var i = 1; i <= customerCount; i++)
        {
            // First purchases spread over every day up to the last one, so the last month acquires as many
            // customers as the others (it used to stop 20 days early: a "new customers −68 %" landing view).
            // Busy months acquire more (one redraw outside them, as for anonymous sales).
            var firstDay = FirstDay.AddDays(random.Next(totalDays));
            if (random.NextDouble() > MonthWeight[firstDay.Month - 1] / 1.6)
            {
                firstDay = FirstDay.AddDays(random.Next(totalDays));
            }
            var customer = NewCustomer(random, i, firstDay);
            customers.Add(customer);

            // Buyer profile: many one-time buyers, occasional ones, a loyal core.
            var profile = random.NextDouble();
            var orderCount = profile < 0.55 ? 1 : profile < 0.87 ? random.Next(2, 5) : random.Next(5, 16);
            var preferred = PickChannel(random);
            var day = firstDay;
            for (var n = 0; n < orderCount && day < EndDay; n++)
            {
                var channel = random.NextDouble() < 0.7 ? preferred : PickChannel(random);
                var order = NewOrder(random, orderId++, customer.Id, day, channel);
                orders.Add(order);
                if (random.NextDouble() < 0.045)
                {
                    var cancellation = NewCancellation(random, orderId++, order);
                    if (cancellation.BusinessDate < EndDay)
                    {
                        orders.Add(cancellation);
                    }
                }
                if (random.NextDouble() < 0.3)
                {
                    responses.Add(NewTransactionalResponse(random, responses.Count + 1, order));
                }
                day = NextPurchaseDay(random, day, orderCount);
            }
            AddConsentHistory(random, customer, firstDay, consents);
        }

        AddAnonymousStoreSales(random, orders, ref orderId);
        AddRelationalBarometer(random, customers, responses);
        orders.Sort((a, b) => a.OrderedAtUtc.CompareTo(b.OrderedAtUtc));
        return new DemoCompany(customers, orders, responses, consents, DuplicateRecords(customers));
    }

    /// <summary>One customer in <see cref="DuplicateEvery"/> also has a store card record.</summary>
    public const int DuplicateEvery = 50;

    /// <summary>
    /// The store card records: ids after the customers', source ids <c>MAG-…</c>, created an hour before the web record
    /// (so the web record's values win a merge), four kinds in turn: the e-mail in capitals with spaces, the mobile in
    /// national form (06…), the name in capitals without accents, the e-mail and the mobile in international form (0033…).
    /// Drawn from the customers only (no random number), so the rest of the company is unchanged.
    /// </summary>
    private static List<Customer> DuplicateRecords(List<Customer> customers)
    {
        var duplicates = new List<Customer>();
        var nextId = customers.Count + 1;
        for (var i = DuplicateEvery - 1; i < customers.Count; i += DuplicateEvery)
        {
            var web = customers[i];
            var kind = duplicates.Count % 4;
            var mobile = web.Phone!.Replace("+33 ", "", StringComparison.Ordinal);
            duplicates.Add(new Customer
            {
                Id = nextId++,
                SourceId = $"MAG-{web.Id:D6}",
                FirstName = kind == 2 ? Ascii(web.FirstName!).ToUpperInvariant() : web.FirstName,
                LastName = kind == 2 ? Ascii(web.LastName!).ToUpperInvariant() : web.LastName,
                Email = kind switch
                {
                    0 => " " + web.Email!.ToUpperInvariant() + " ",
                    3 => web.Email,
                    _ => null,
                },
                Phone = kind switch
                {
                    1 => "0" + mobile,
                    3 => "0033 " + mobile,
                    _ => null,
                },
                PostalCode = web.PostalCode,
                City = web.City,
                Country = web.Country,
                CreatedAtUtc = web.CreatedAtUtc.AddHours(-1),
                SourceCreatedAtUtc = web.CreatedAtUtc.AddHours(-1),
            });
        }
        return duplicates;
    }

    private static Customer NewCustomer(Random random, int id, DateOnly firstDay)
    {
        var first = DemoCatalog.FirstNames[random.Next(DemoCatalog.FirstNames.Length)];
        var last = DemoCatalog.LastNames[random.Next(DemoCatalog.LastNames.Length)];
        var city = PickCity(random);
        var createdAt = firstDay.AddDays(-random.Next(0, 30)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        return new Customer
        {
            Id = id,
            SourceId = $"CLI-{id:D6}",
            FirstName = first,
            LastName = last,
            Email = $"{Ascii(first)}.{Ascii(last)}{id}@exemple.fr",
            Phone = $"+33 6 {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)}",
            PostalCode = city.PostalCode,
            City = city.Name,
            Country = city.Country,
            CreatedAtUtc = createdAt,
            SourceCreatedAtUtc = createdAt,
        };
    }

    private Order NewOrder(Random random, long id, int? customerId, DateOnly day, Channel channel)
    {
        var lineCount = 1 + (random.NextDouble() < 0.45 ? 1 : 0) + (random.NextDouble() < 0.15 ? 1 : 0);
        var lines = new List<OrderLine>(lineCount);
        for (var l = 0; l < lineCount; l++)
        {
            var index = random.Next(DemoCatalog.Products.Length);
            var product = DemoCatalog.Products[index];
            var quantity = product.Price < 50 && random.NextDouble() < 0.3 ? random.Next(2, 4) : 1;
            var unitMilli = Money.ToMilli(product.Price);
            lines.Add(new OrderLine
            {
                Product = catalogue[index],
                Quantity = quantity,
                UnitPriceMilli = unitMilli,
                AmountMilli = Money.LineAmountMilli(quantity, unitMilli),
            });
        }
        var local = day.ToDateTime(new TimeOnly(channel == Channel.Web ? random.Next(0, 24) : random.Next(9, 20), random.Next(60)));
        return NewDocument(id, customerId, local, channel, OrderKind.Sale, lines);
    }

    private Order NewCancellation(Random random, long id, Order sale)
    {
        var line = sale.Lines[random.Next(sale.Lines.Count)];
        var reversed = new OrderLine
        {
            Product = line.Product,
            Quantity = -line.Quantity,
            UnitPriceMilli = line.UnitPriceMilli,
            AmountMilli = -line.AmountMilli,
        };
        var local = TimeZoneInfo.ConvertTimeFromUtc(sale.OrderedAtUtc, calendar.Zone).AddDays(random.Next(1, 20));
        var cancellation = NewDocument(id, sale.CustomerId, local, sale.Channel, OrderKind.Cancellation, [reversed]);
        cancellation.SourceOrderId = "C" + sale.SourceOrderId;
        return cancellation;
    }

    private Order NewDocument(long id, int? customerId, DateTime local, Channel channel, OrderKind kind, List<OrderLine> lines)
    {
        var utc = calendar.ToUtc(local);
        var businessDate = calendar.BusinessDateOf(utc);
        return new Order
        {
            Id = id,
            Source = Source,
            SourceOrderId = $"F{id:D8}",
            CustomerId = customerId,
            OrderedAtUtc = utc,
            BusinessDate = businessDate,
            BusinessMonth = BusinessCalendar.MonthKey(businessDate),
            Channel = channel,
            Kind = kind,
            AmountMilli = lines.Sum(l => l.AmountMilli),
            Lines = lines,
        };
    }

    private static DateOnly NextPurchaseDay(Random random, DateOnly day, int orderCount)
    {
        // Loyal customers come back sooner; the month weight favours busy seasons.
        var meanGap = orderCount >= 5 ? 60 : 180;
        for (var attempt = 0; ; attempt++)
        {
            var candidate = day.AddDays(1 + (int)(-meanGap * Math.Log(1 - random.NextDouble())));
            if (attempt >= 3 || random.NextDouble() < MonthWeight[candidate.Month - 1] / 1.6)
            {
                return candidate;
            }
        }
    }

    private void AddAnonymousStoreSales(Random random, List<Order> orders, ref long orderId)
    {
        // Walk-in store customers who gave no loyalty card: about one anonymous sale for eight identified ones.
        var count = orders.Count / 8;
        var totalDays = EndDay.DayNumber - FirstDay.DayNumber;
        for (var i = 0; i < count; i++)
        {
            var day = FirstDay.AddDays(random.Next(totalDays));
            if (random.NextDouble() > MonthWeight[day.Month - 1] / 1.6)
            {
                day = FirstDay.AddDays(random.Next(totalDays));
            }
            orders.Add(NewOrder(random, orderId++, null, day, Channel.Store));
        }
    }

    private SurveyResponse NewTransactionalResponse(Random random, int number, Order order)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(order.OrderedAtUtc, calendar.Zone).AddDays(random.Next(2, 10));
        var response = NewResponse(random, number, order.CustomerId, local, SurveyKind.Transactional, order.Channel,
            channelBias: order.Channel == Channel.Marketplace ? -0.8 : 0.3);
        response.OrderId = order.Id;
        return response;
    }

    private void AddRelationalBarometer(Random random, List<Customer> customers, List<SurveyResponse> responses)
    {
        // A barometer each quarter, sent to a sample of the customers known by then.
        for (var quarter = FirstDay.AddMonths(2); quarter < EndDay; quarter = quarter.AddMonths(3))
        {
            foreach (var customer in customers)
            {
                if (DateOnly.FromDateTime(customer.CreatedAtUtc) < quarter && random.NextDouble() < 0.03)
                {
                    var local = quarter.AddDays(random.Next(0, 14)).ToDateTime(new TimeOnly(random.Next(8, 22), random.Next(60)));
                    responses.Add(NewResponse(random, responses.Count + 1, customer.Id, local, SurveyKind.Relational, null, channelBias: 0));
                }
            }
        }
    }

    private SurveyResponse NewResponse(Random random, int number, int? customerId, DateTime local, SurveyKind kind, Channel? channel,
        double channelBias)
    {
        // A latent mood drives both scores, so NPS and CSAT agree as they do in real surveys.
        var mood = Math.Clamp(NextGaussian(random) + 0.55 + channelBias * 0.5, -2.5, 2.5);
        int? recommend = random.NextDouble() < 0.93 ? Math.Clamp((int)Math.Round(7.6 + mood * 1.9), 0, 10) : null;
        int? satisfaction = recommend is null || random.NextDouble() < 0.85 ? Math.Clamp((int)Math.Round(3.9 + mood * 0.9), 1, 5) : null;
        string? comment = null;
        if (random.NextDouble() < 0.35)
        {
            var pool = mood > 0.6 ? DemoCatalog.PositiveComments : mood > -0.4 ? DemoCatalog.NeutralComments : DemoCatalog.NegativeComments;
            comment = pool[random.Next(pool.Length)];
        }
        var utc = calendar.ToUtc(local);
        var businessDate = calendar.BusinessDateOf(utc);
        return new SurveyResponse
        {
            SourceId = $"ENQ-{number:D7}",
            CustomerId = customerId,
            RespondedAtUtc = utc,
            BusinessDate = businessDate,
            BusinessMonth = BusinessCalendar.MonthKey(businessDate),
            Kind = kind,
            Channel = channel,
            RecommendScore = recommend,
            SatisfactionScore = satisfaction,
            Comment = comment,
        };
    }

    private static void AddConsentHistory(Random random, Customer customer, DateOnly firstDay, List<ConsentRecord> consents)
    {
        (ConsentPurpose Purpose, double Rate)[] purposes =
        [
            (ConsentPurpose.EmailMarketing, 0.62), (ConsentPurpose.SmsMarketing, 0.33),
            (ConsentPurpose.PhoneMarketing, 0.14), (ConsentPurpose.Personalisation, 0.5),
        ];
        var source = DemoCatalog.ConsentSources[random.Next(DemoCatalog.ConsentSources.Length)];
        var at = firstDay.ToDateTime(new TimeOnly(random.Next(8, 21), random.Next(60)), DateTimeKind.Utc);
        foreach (var (purpose, rate) in purposes)
        {
            if (random.NextDouble() >= rate)
            {
                continue;
            }
            consents.Add(NewConsent(customer.Id, purpose, ConsentStatus.Granted, at, source, $"PREUVE-{customer.Id:D6}-{(int)purpose}-1"));
            if (random.NextDouble() < 0.12)
            {
                var withdrawnAt = at.AddDays(random.Next(20, 700));
                consents.Add(NewConsent(customer.Id, purpose, ConsentStatus.Withdrawn, withdrawnAt, "lien de désinscription",
                    $"PREUVE-{customer.Id:D6}-{(int)purpose}-2"));
                if (random.NextDouble() < 0.25)
                {
                    consents.Add(NewConsent(customer.Id, purpose, ConsentStatus.Granted, withdrawnAt.AddDays(random.Next(30, 300)), source,
                        $"PREUVE-{customer.Id:D6}-{(int)purpose}-3"));
                }
            }
        }
    }

    private static ConsentRecord NewConsent(int customerId, ConsentPurpose purpose, ConsentStatus status, DateTime at, string source, string proof) =>
        new()
    {
        CustomerId = customerId,
        Purpose = purpose,
        Status = status,
        RecordedAtUtc = at,
        Source = source,
        ProofReference = proof,
    };

    private static Channel PickChannel(Random random) => random.NextDouble() switch
    {
        < 0.45 => Channel.Web,
        < 0.80 => Channel.Store,
        < 0.88 => Channel.Phone,
        _ => Channel.Marketplace,
    };

    private static DemoCatalog.City PickCity(Random random)
    {
        var total = DemoCatalog.Cities.Sum(c => c.Weight);
        var pick = random.Next(total);
        foreach (var city in DemoCatalog.Cities)
        {
            pick -= city.Weight;
            if (pick < 0)
            {
                return city;
            }
        }
        return DemoCatalog.Cities[0];
    }

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Ascii(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(ch => char.IsAsciiLetter(ch))
            .ToArray()).ToLowerInvariant();
}
