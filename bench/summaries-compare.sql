-- Old (orders) and new (sales summaries) shapes of the queries behind the slow views; bench/RESULTS.md, issue 18.
-- usage: sqlite3 DATABASE < bench/summaries-compare.sql   (dates for generate --seed 1: 2023-2025)
.timer on
.print == totals of a year (old: orders by kind; new: day rows)
SELECT Kind, COUNT(*), SUM(AmountMilli), COUNT(CustomerId) FROM Orders WHERE BusinessDate >= '2025-01-01' AND BusinessDate < '2026-01-01' GROUP BY Kind;
SELECT SUM(SaleOrders), SUM(GrossMilli), SUM(ReturnsMilli), SUM(IdentifiedSaleOrders) FROM SalesDays WHERE BusinessDate >= '2025-01-01' AND BusinessDate < '2026-01-01';
.print == monthly trend, 12 months, active customers (old: distinct over orders; new: the month bits of the customer x year rows, which the app counts in memory)
SELECT BusinessMonth, COUNT(DISTINCT CustomerId) FROM Orders WHERE BusinessDate >= '2025-01-01' AND BusinessDate < '2026-01-01' AND Kind = 0 AND CustomerId IS NOT NULL GROUP BY BusinessMonth;
SELECT SUM((Months >> 0) & 1), SUM((Months >> 1) & 1), SUM((Months >> 2) & 1), SUM((Months >> 3) & 1), SUM((Months >> 4) & 1), SUM((Months >> 5) & 1), SUM((Months >> 6) & 1), SUM((Months >> 7) & 1), SUM((Months >> 8) & 1), SUM((Months >> 9) & 1), SUM((Months >> 10) & 1), SUM((Months >> 11) & 1) FROM CustomerYears WHERE Year = 2025;
.print == cohorts, 12 months (old: first month per customer over every sale + join; new: first sale months joined to the customer x year rows)
WITH f AS (SELECT CustomerId, MIN(BusinessMonth) AS c FROM Orders WHERE Kind = 0 AND CustomerId IS NOT NULL GROUP BY CustomerId HAVING c BETWEEN 202501 AND 202512)
SELECT f.c, o.BusinessMonth, COUNT(DISTINCT o.CustomerId) FROM Orders o JOIN f ON f.CustomerId = o.CustomerId WHERE o.Kind = 0 AND o.BusinessMonth <= 202512 GROUP BY f.c, o.BusinessMonth;
SELECT s.FirstSaleMonth, SUM((y.Months >> 0) & 1), SUM((y.Months >> 1) & 1), SUM((y.Months >> 2) & 1), SUM((y.Months >> 3) & 1), SUM((y.Months >> 4) & 1), SUM((y.Months >> 5) & 1), SUM((y.Months >> 6) & 1), SUM((y.Months >> 7) & 1), SUM((y.Months >> 8) & 1), SUM((y.Months >> 9) & 1), SUM((y.Months >> 10) & 1), SUM((y.Months >> 11) & 1) FROM CustomerSales s JOIN CustomerYears y ON y.CustomerId = s.CustomerId AND y.Year = 2025 WHERE s.FirstSaleMonth BETWEEN 202501 AND 202512 GROUP BY s.FirstSaleMonth;
.print == RFM inputs at the default date (old: GROUP BY customer over every order; new: customer rows)
SELECT COUNT(*) FROM (SELECT CustomerId, MAX(CASE WHEN Kind = 0 THEN BusinessDate END), SUM(Kind = 0), SUM(AmountMilli) FROM Orders WHERE CustomerId IS NOT NULL AND BusinessDate < '2026-01-01' GROUP BY CustomerId HAVING SUM(Kind = 0) > 0);
SELECT COUNT(*) FROM (SELECT CustomerId, LastSaleDate, SaleOrders, NetMilli FROM CustomerSales WHERE LastOrderDate < '2026-01-01' AND SaleOrders > 0);
.print == RFM inputs at 2025-06-15 (new: customer rows + the orders of customers with orders on or after the date)
SELECT COUNT(*) FROM (SELECT CustomerId, MAX(CASE WHEN Kind = 0 THEN BusinessDate END), SUM(Kind = 0), SUM(AmountMilli) FROM Orders WHERE CustomerId IS NOT NULL AND BusinessDate < '2025-06-15' GROUP BY CustomerId HAVING SUM(Kind = 0) > 0);
SELECT COUNT(*) FROM (SELECT CustomerId FROM CustomerSales WHERE LastOrderDate < '2025-06-15' AND SaleOrders > 0);
SELECT COUNT(*) FROM (SELECT CustomerId, MAX(CASE WHEN Kind = 0 THEN BusinessDate END), SUM(Kind = 0), SUM(AmountMilli) FROM Orders WHERE CustomerId IN (SELECT CustomerId FROM CustomerSales WHERE LastOrderDate >= '2025-06-15' AND FirstSaleDate < '2025-06-15') AND BusinessDate < '2025-06-15' GROUP BY CustomerId HAVING SUM(Kind = 0) > 0);
.print == customer counts of a custom period and channel with its previous period (dashboard /?period=custom&from=2025-03-05&to=2025-08-16&channel=web)
.print    old: one row per customer over every sale order before the end; new: the customer x year rows + the orders of the edge days
SELECT COUNT(CASE WHEN p > 0 THEN 1 END), COUNT(CASE WHEN p > 0 AND first >= '2025-03-05' THEN 1 END), COUNT(CASE WHEN p >= 2 THEN 1 END),
    COUNT(CASE WHEN p > 0 AND pp > 0 THEN 1 END), COUNT(CASE WHEN pp > 0 THEN 1 END), COUNT(CASE WHEN last < '2025-02-17' AND inChannel > 0 THEN 1 END),
    COUNT(CASE WHEN c > 0 THEN 1 END), COUNT(CASE WHEN cp > 0 THEN 1 END), COUNT(CASE WHEN lastBeforeC < '2024-09-06' AND inChannelBeforeC > 0 THEN 1 END)
FROM (SELECT
    SUM(CASE WHEN BusinessDate >= '2025-03-05' AND Channel = 0 THEN 1 ELSE 0 END) AS p,
    SUM(CASE WHEN BusinessDate >= '2024-09-22' AND BusinessDate < '2025-03-05' AND Channel = 0 THEN 1 ELSE 0 END) AS pp,
    SUM(CASE WHEN BusinessDate >= '2024-09-22' AND BusinessDate < '2025-03-05' AND Channel = 0 THEN 1 ELSE 0 END) AS c,
    SUM(CASE WHEN BusinessDate >= '2024-04-11' AND BusinessDate < '2024-09-22' AND Channel = 0 THEN 1 ELSE 0 END) AS cp,
    MIN(BusinessDate) AS first, MAX(BusinessDate) AS last, MAX(CASE WHEN BusinessDate < '2025-03-05' THEN BusinessDate END) AS lastBeforeC,
    SUM(CASE WHEN Channel = 0 THEN 1 ELSE 0 END) AS inChannel, SUM(CASE WHEN BusinessDate < '2025-03-05' AND Channel = 0 THEN 1 ELSE 0 END) AS inChannelBeforeC
    FROM Orders WHERE CustomerId IS NOT NULL AND Kind = 0 AND BusinessDate < '2025-08-16' GROUP BY CustomerId);
SELECT COUNT(*), SUM(Months), SUM(RepeatMonths), SUM(ChannelMonths & 4095), SUM(ChannelRepeatMonths & 4095) FROM CustomerYears WHERE Year <= 2025;
SELECT COUNT(*), SUM(CustomerId), SUM(Channel) FROM Orders WHERE Kind = 0 AND CustomerId IS NOT NULL AND (
    (BusinessDate >= '2024-04-11' AND BusinessDate < '2024-05-01') OR (BusinessDate >= '2024-09-01' AND BusinessDate < '2024-10-01')
    OR (BusinessDate >= '2025-02-01' AND BusinessDate < '2025-04-01') OR (BusinessDate >= '2025-08-01' AND BusinessDate < '2025-08-16'));
