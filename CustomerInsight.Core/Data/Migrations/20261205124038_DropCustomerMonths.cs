using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DropCustomerMonths : Migration
    {
        /// <summary>
        /// The customer × month rows go: the trend's active customers and the cohorts are counted from the customer × year rows'
        /// month bits in memory (CustomerActivitySnapshot), and imports no longer keep 3 M rows and three indexes at 10 M lines.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerMonths");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerMonths",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelMask = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SaleOrders = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMonths", x => new { x.CustomerId, x.BusinessMonth });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonths_BusinessMonth_ChannelMask",
                table: "CustomerMonths",
                columns: new[] { "BusinessMonth", "ChannelMask" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonths_CohortMonth_BusinessMonth",
                table: "CustomerMonths",
                columns: new[] { "CohortMonth", "BusinessMonth" });

            // Back to the earlier model: the rows again from the orders (the statement of that day's SalesSummaries).
            migrationBuilder.Sql("""
                INSERT INTO "CustomerMonths" ("CustomerId", "BusinessMonth", "CohortMonth", "SaleOrders", "ChannelMask")
                SELECT o."CustomerId", o."BusinessMonth", MIN(s."FirstSaleMonth"), COUNT(*),
                    MAX(CASE WHEN o."Channel" = 0 THEN 1 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 1 THEN 2 ELSE 0 END)
                    + MAX(CASE WHEN o."Channel" = 2 THEN 4 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 3 THEN 8 ELSE 0 END)
                    + MAX(CASE WHEN o."Channel" = 4 THEN 16 ELSE 0 END)
                FROM "Orders" o
                JOIN "CustomerSales" s ON s."CustomerId" = o."CustomerId"
                WHERE o."Kind" = 0 AND o."CustomerId" IS NOT NULL
                GROUP BY o."CustomerId", o."BusinessMonth";
                """);
        }
    }
}
