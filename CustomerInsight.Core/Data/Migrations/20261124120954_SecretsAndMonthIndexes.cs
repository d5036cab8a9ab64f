using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecretsAndMonthIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_Period",
                table: "Orders");

            migrationBuilder.CreateTable(
                name: "AppSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSecrets", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerMonth",
                table: "Orders",
                columns: new[] { "CustomerId", "Kind", "BusinessMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Period",
                table: "Orders",
                columns: new[] { "BusinessDate", "Kind", "Channel", "CustomerId", "AmountMilli", "BusinessMonth" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSecrets");

            migrationBuilder.DropIndex(
                name: "IX_Orders_CustomerMonth",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Period",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Period",
                table: "Orders",
                columns: new[] { "BusinessDate", "Kind", "Channel", "CustomerId", "AmountMilli" });
        }
    }
}
