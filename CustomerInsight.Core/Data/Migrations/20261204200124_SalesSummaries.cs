using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SalesSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerMonths",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SaleOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    ChannelMask = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMonths", x => new { x.CustomerId, x.BusinessMonth });
                });

            migrationBuilder.CreateTable(
                name: "CustomerSales",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstSaleDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstSaleMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    LastSaleDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SaleOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    NetMilli = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSales", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "SalesDays",
                columns: table => new
                {
                    BusinessDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SaleOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    IdentifiedSaleOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    GrossMilli = table.Column<long>(type: "INTEGER", nullable: false),
                    CancellationOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnsMilli = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesDays", x => new { x.BusinessDate, x.Channel });
                });

            // An existing database gets its summaries filled from its orders (before the secondary indexes: a bulk load).
            // The statements are frozen here as SalesSummaries.RebuildStatements() wrote them on the day (Sale = 0,
            // Cancellation = 1, channel bit = 1 << channel): a later change there must not change what this migration did.
            migrationBuilder.Sql("""
                INSERT INTO "CustomerSales" ("CustomerId", "FirstOrderDate", "LastOrderDate", "FirstSaleDate", "FirstSaleMonth", "LastSaleDate", "SaleOrders", "NetMilli")
                SELECT "CustomerId", MIN("BusinessDate"), MAX("BusinessDate"),
                    MIN(CASE WHEN "Kind" = 0 THEN "BusinessDate" END), MIN(CASE WHEN "Kind" = 0 THEN "BusinessMonth" END),
                    MAX(CASE WHEN "Kind" = 0 THEN "BusinessDate" END), SUM(CASE WHEN "Kind" = 0 THEN 1 ELSE 0 END), SUM("AmountMilli")
                FROM "Orders"
                WHERE "CustomerId" IS NOT NULL
                GROUP BY "CustomerId";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "CustomerMonths" ("CustomerId", "BusinessMonth", "CohortMonth", "SaleOrders", "ChannelMask")
                SELECT o."CustomerId", o."BusinessMonth", MIN(s."FirstSaleMonth"), COUNT(*),
                    MAX(CASE WHEN o."Channel" = 0 THEN 1 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 1 THEN 2 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 2 THEN 4 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 3 THEN 8 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 4 THEN 16 ELSE 0 END)
                FROM "Orders" o
                JOIN "CustomerSales" s ON s."CustomerId" = o."CustomerId"
                WHERE o."Kind" = 0 AND o."CustomerId" IS NOT NULL
                GROUP BY o."CustomerId", o."BusinessMonth";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "SalesDays" ("BusinessDate", "Channel", "BusinessMonth", "SaleOrders", "IdentifiedSaleOrders", "GrossMilli", "CancellationOrders", "ReturnsMilli")
                SELECT "BusinessDate", "Channel", MIN("BusinessMonth"),
                    SUM(CASE WHEN "Kind" = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = 0 AND "CustomerId" IS NOT NULL THEN 1 ELSE 0 END),
                    SUM(CASE WHEN "Kind" = 0 THEN "AmountMilli" ELSE 0 END),
                    SUM(CASE WHEN "Kind" = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = 1 THEN "AmountMilli" ELSE 0 END)
                FROM "Orders"
                GROUP BY "BusinessDate", "Channel";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonths_BusinessMonth_ChannelMask",
                table: "CustomerMonths",
                columns: new[] { "BusinessMonth", "ChannelMask" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonths_CohortMonth_BusinessMonth",
                table: "CustomerMonths",
                columns: new[] { "CohortMonth", "BusinessMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSales_FirstSaleMonth",
                table: "CustomerSales",
                column: "FirstSaleMonth");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSales_LastOrderDate",
                table: "CustomerSales",
                column: "LastOrderDate");

            migrationBuilder.CreateIndex(
                name: "IX_SalesDays_BusinessMonth_Channel",
                table: "SalesDays",
                columns: new[] { "BusinessMonth", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerMonths");

            migrationBuilder.DropTable(
                name: "CustomerSales");

            migrationBuilder.DropTable(
                name: "SalesDays");
        }
    }
}
