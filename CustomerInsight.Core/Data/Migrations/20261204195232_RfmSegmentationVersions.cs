using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfmSegmentationVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RfmGridVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FrequencyScoring = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FrequencyThresholds = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Grid = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    FromConfiguration = table.Column<bool>(type: "INTEGER", nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RfmGridVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RfmGridVersions_Number",
                table: "RfmGridVersions",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RfmGridVersions");
        }
    }
}
