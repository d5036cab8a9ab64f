using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportCurrencyAndUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneAtUtc",
                table: "ImportBatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UndoneBy",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportBatchId",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DatabaseSettings",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatabaseSettings", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ImportBatchId",
                table: "Customers",
                column: "ImportBatchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatabaseSettings");

            migrationBuilder.DropIndex(
                name: "IX_Customers_ImportBatchId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "UndoneAtUtc",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "UndoneBy",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "Customers");
        }
    }
}
