using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <summary>
    /// Survey responses imported with an OrderId and no CustomerId belong to the order's customer (the import now
    /// sets it): erasure, the customer file and the segment filter find them by CustomerId. The comments of those
    /// that belong to an already erased customer are removed, as erasure would have.
    /// </summary>
    public partial class AttachOrderResponsesToCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE "SurveyResponses"
                SET "CustomerId" = (SELECT o."CustomerId" FROM "Orders" AS o WHERE o."Id" = "SurveyResponses"."OrderId")
                WHERE "CustomerId" IS NULL AND "OrderId" IS NOT NULL;
                """);
            migrationBuilder.Sql(
                """
                UPDATE "SurveyResponses" SET "Comment" = NULL
                WHERE "Comment" IS NOT NULL
                    AND "CustomerId" IN (SELECT c."Id" FROM "Customers" AS c WHERE c."ErasedAtUtc" IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Which responses had no CustomerId is not kept; removed comments cannot come back.
        }
    }
}
