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
            foreach (var sql in CustomerInsight.Core.Data.SalesSummaries.RebuildStatements())
            {
                migrationBuilder.Sql(sql);
            }

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
