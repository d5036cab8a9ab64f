using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CustomerYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerYears",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    RepeatMonths = table.Column<int>(type: "integer", nullable: false),
                    ChannelMonths = table.Column<long>(type: "bigint", nullable: false),
                    ChannelRepeatMonths = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerYears", x => new { x.CustomerId, x.Year });
                });

            // An existing database gets its customer × year rows from its orders. Frozen as SalesSummaries wrote the statement on
            // the day (Sale = 0; month m at bit m - 1; channel c's bits × 4096^c): a later change there must not change this migration.
            migrationBuilder.Sql("""
                INSERT INTO "CustomerYears" ("CustomerId", "Year", "Months", "RepeatMonths", "ChannelMonths", "ChannelRepeatMonths")
                SELECT "CustomerId", "BusinessMonth" / 100, SUM(mbit), SUM(CASE WHEN n >= 2 THEN mbit ELSE 0 END),
                    SUM((CASE WHEN n0 >= 1 THEN 1 ELSE 0 END + CASE WHEN n1 >= 1 THEN 4096 ELSE 0 END + CASE WHEN n2 >= 1 THEN 16777216 ELSE 0 END +
                        CASE WHEN n3 >= 1 THEN 68719476736 ELSE 0 END + CASE WHEN n4 >= 1 THEN 281474976710656 ELSE 0 END) * mbit),
                    SUM((CASE WHEN n0 >= 2 THEN 1 ELSE 0 END + CASE WHEN n1 >= 2 THEN 4096 ELSE 0 END + CASE WHEN n2 >= 2 THEN 16777216 ELSE 0 END +
                        CASE WHEN n3 >= 2 THEN 68719476736 ELSE 0 END + CASE WHEN n4 >= 2 THEN 281474976710656 ELSE 0 END) * mbit)
                FROM (
                    SELECT "CustomerId", "BusinessMonth", (CAST(1 AS BIGINT) << ("BusinessMonth" % 100 - 1)) AS mbit, COUNT(*) AS n,
                        SUM(CASE WHEN "Channel" = 0 THEN 1 ELSE 0 END) AS n0, SUM(CASE WHEN "Channel" = 1 THEN 1 ELSE 0 END) AS n1,
                        SUM(CASE WHEN "Channel" = 2 THEN 1 ELSE 0 END) AS n2,
                        SUM(CASE WHEN "Channel" = 3 THEN 1 ELSE 0 END) AS n3, SUM(CASE WHEN "Channel" = 4 THEN 1 ELSE 0 END) AS n4
                    FROM "Orders"
                    WHERE "Kind" = 0 AND "CustomerId" IS NOT NULL
                    GROUP BY "CustomerId", "BusinessMonth"
                ) AS m
                GROUP BY "CustomerId", "BusinessMonth" / 100;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerYears");
        }
    }
}
