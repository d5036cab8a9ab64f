using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The lines' texts become catalogue entries (one per code and description; GROUP BY puts the NULL descriptions of a
            // code together), and each line refers to its entry before the texts go.
            migrationBuilder.Sql("""
                INSERT INTO "Products" ("Code", "Description")
                SELECT "ProductCode", "Description" FROM "OrderLines" GROUP BY "ProductCode", "Description" ORDER BY "ProductCode", "Description";
                """);
            migrationBuilder.Sql("""
                UPDATE "OrderLines" AS l SET "ProductId" = p."Id" FROM "Products" AS p
                WHERE p."Code" = l."ProductCode" AND p."Description" IS NOT DISTINCT FROM l."Description";
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductCode",
                table: "OrderLines",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE "OrderLines" AS l SET "ProductCode" = p."Code", "Description" = p."Description" FROM "Products" AS p
                WHERE p."Id" = l."ProductId";
                """);

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
