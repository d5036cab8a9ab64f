using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerInsight.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OmocDepth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OrganisationUnitId",
                table: "Populations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganisationUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationUnits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PopulationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Axis = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActions_Populations_PopulationId",
                        column: x => x.PopulationId,
                        principalTable: "Populations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SociodynamicActors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChangeProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SociodynamicActors", x => x.Id);
                    table.CheckConstraint("CK_SociodynamicActors_PersonOrPopulation", "(PopulationId IS NULL) <> (Name IS NULL)");
                    table.ForeignKey(
                        name: "FK_SociodynamicActors_ChangeProjects_ChangeProjectId",
                        column: x => x.ChangeProjectId,
                        principalTable: "ChangeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SociodynamicActors_Populations_PopulationId",
                        column: x => x.PopulationId,
                        principalTable: "Populations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanActionChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActionChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActionChanges_PlanActions_PlanActionId",
                        column: x => x.PlanActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SociodynamicAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Synergy = table.Column<int>(type: "INTEGER", nullable: false),
                    Antagonism = table.Column<int>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SociodynamicAssessments", x => x.Id);
                    table.CheckConstraint("CK_SociodynamicAssessments_Antagonism", "Antagonism BETWEEN 1 AND 4");
                    table.CheckConstraint("CK_SociodynamicAssessments_Synergy", "Synergy BETWEEN 1 AND 4");
                    table.ForeignKey(
                        name: "FK_SociodynamicAssessments_SociodynamicActors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "SociodynamicActors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Populations_OrganisationUnitId",
                table: "Populations",
                column: "OrganisationUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_Name",
                table: "OrganisationUnits",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanActionChanges_PlanActionId",
                table: "PlanActionChanges",
                column: "PlanActionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_PopulationId_Axis",
                table: "PlanActions",
                columns: new[] { "PopulationId", "Axis" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SociodynamicActors_ChangeProjectId",
                table: "SociodynamicActors",
                column: "ChangeProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SociodynamicActors_PopulationId",
                table: "SociodynamicActors",
                column: "PopulationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SociodynamicAssessments_ActorId_Date",
                table: "SociodynamicAssessments",
                columns: new[] { "ActorId", "Date" });

            migrationBuilder.AddForeignKey(
                name: "FK_Populations_OrganisationUnits_OrganisationUnitId",
                table: "Populations",
                column: "OrganisationUnitId",
                principalTable: "OrganisationUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Populations_OrganisationUnits_OrganisationUnitId",
                table: "Populations");

            migrationBuilder.DropTable(
                name: "OrganisationUnits");

            migrationBuilder.DropTable(
                name: "PlanActionChanges");

            migrationBuilder.DropTable(
                name: "SociodynamicAssessments");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "SociodynamicActors");

            migrationBuilder.DropIndex(
                name: "IX_Populations_OrganisationUnitId",
                table: "Populations");

            migrationBuilder.DropColumn(
                name: "OrganisationUnitId",
                table: "Populations");
        }
    }
}
