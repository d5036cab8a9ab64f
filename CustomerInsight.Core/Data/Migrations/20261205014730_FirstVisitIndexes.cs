using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FirstVisitIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_BusinessDate_Kind_Channel",
                table: "SurveyResponses");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_Period",
                table: "SurveyResponses",
                columns: new[] { "BusinessDate", "Kind", "Channel", "CustomerId", "RecommendScore", "SatisfactionScore", "BusinessMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Erased",
                table: "Customers",
                column: "ErasedAtUtc",
                filter: "\"ErasedAtUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_Period",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Erased",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_BusinessDate_Kind_Channel",
                table: "SurveyResponses",
                columns: new[] { "BusinessDate", "Kind", "Channel" });
        }
    }
}
