using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <summary>
    /// Retention and erasure as metrics.md defines them. <c>SourceCreatedAtUtc</c>: the creation date the source file
    /// gave; an import stamped a customer created without one with the batch's start, which is not an activity, so
    /// those rows (CreatedAtUtc equal to a batch's StartedAtUtc) get none. Customers erased before this version get
    /// the withdrawals erasure now appends (dated at their erasure, source <c>erasure</c>) for every purpose whose
    /// latest status is granted. The customers' indexes are rebuilt, so that no moved copy of a former source id or
    /// e-mail stays in their pages' free space.
    /// </summary>
    public partial class PrivacyErasureAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SourceCreatedAtUtc",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql(
                """
                UPDATE "Customers" SET "SourceCreatedAtUtc" = "CreatedAtUtc"
                WHERE NOT EXISTS (SELECT 1 FROM "ImportBatches" AS b WHERE b."StartedAtUtc" = "Customers"."CreatedAtUtc");
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "ConsentRecords" ("CustomerId", "Purpose", "Status", "RecordedAtUtc", "Source", "ProofReference", "ImportBatchId")
                SELECT DISTINCT r."CustomerId", r."Purpose", 1, c."ErasedAtUtc", 'erasure', NULL, NULL
                FROM "ConsentRecords" AS r
                JOIN "Customers" AS c ON c."Id" = r."CustomerId"
                WHERE c."ErasedAtUtc" IS NOT NULL AND r."Status" = 0
                    AND NOT EXISTS (SELECT 1 FROM "ConsentRecords" AS n
                        WHERE n."CustomerId" = r."CustomerId" AND n."Purpose" = r."Purpose"
                            AND (n."RecordedAtUtc" > r."RecordedAtUtc" OR (n."RecordedAtUtc" = r."RecordedAtUtc" AND n."Status" = 1)));
                """);
            migrationBuilder.Sql("""REINDEX "Customers";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The appended withdrawals stay: the consent history is append-only.
            migrationBuilder.DropColumn(
                name: "SourceCreatedAtUtc",
                table: "Customers");
        }
    }
}
