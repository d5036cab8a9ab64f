using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnifyCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerMerges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    UndoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerMergeSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MergeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalCustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SourceCreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ImportBatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    ErasedSourceIdHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MovedOrderIds = table.Column<string>(type: "TEXT", nullable: true),
                    MovedResponseIds = table.Column<string>(type: "TEXT", nullable: true),
                    MovedConsentIds = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMergeSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerMergeSources_CustomerMerges_MergeId",
                        column: x => x.MergeId,
                        principalTable: "CustomerMerges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMerges_CustomerId",
                table: "CustomerMerges",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMergeSources_MergeId",
                table: "CustomerMergeSources",
                column: "MergeId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMergeSources_OriginalCustomerId",
                table: "CustomerMergeSources",
                column: "OriginalCustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMergeSources_SourceId",
                table: "CustomerMergeSources",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerMergeSources");

            migrationBuilder.DropTable(
                name: "CustomerMerges");
        }
    }
}
