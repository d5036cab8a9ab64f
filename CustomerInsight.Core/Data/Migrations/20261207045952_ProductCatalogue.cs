using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProductCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Code_Description",
                table: "Products",
                columns: new[] { "Code", "Description" },
                unique: true);

            migrationBuilder.AddColumn<int>(
                name: "ProductId",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The lines' texts become catalogue entries (one per code and description; GROUP BY puts the NULL descriptions of a
            // code together), and each line refers to its entry before the texts go.
            migrationBuilder.Sql("""
                INSERT INTO "Products" ("Code", "Description")
                SELECT "ProductCode", "Description" FROM "OrderLines" GROUP BY "ProductCode", "Description" ORDER BY "ProductCode", "Description";
                """);
            migrationBuilder.Sql("""
                UPDATE "OrderLines" SET "ProductId" = (SELECT p."Id" FROM "Products" AS p
                    WHERE p."Code" = "OrderLines"."ProductCode" AND p."Description" IS "OrderLines"."Description");
                """);

            migrationBuilder.DropColumn(
                name: "Description",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "ProductCode",
                table: "OrderLines");

            migrationBuilder.AddForeignKey(
                name: "FK_OrderLines_Products_ProductId",
                table: "OrderLines",
                column: "ProductId",
                principalTable: "Products",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "OrderLines",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductCode",
                table: "OrderLines",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE "OrderLines" SET
                    "ProductCode" = (SELECT p."Code" FROM "Products" AS p WHERE p."Id" = "OrderLines"."ProductId"),
                    "Description" = (SELECT p."Description" FROM "Products" AS p WHERE p."Id" = "OrderLines"."ProductId");
                """);

            // SQLite rebuilds OrderLines (without its key to Products) after every other step of the migration, so Products goes
            // while lines still refer to it: without the checks, which the rebuild turns back on when it ends.
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);

            migrationBuilder.DropForeignKey(
                name: "FK_OrderLines_Products_ProductId",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "ProductId",
                table: "OrderLines");

            migrationBuilder.DropTable(
                name: "Products");
        }
    }
}
