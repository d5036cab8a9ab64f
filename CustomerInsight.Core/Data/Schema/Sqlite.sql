CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "AtUtc" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NULL,
    "Details" TEXT NULL,
    "RowCount" INTEGER NULL
);

CREATE TABLE "ChangeProjects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChangeProjects" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Sponsor" TEXT NULL,
    "StartDate" TEXT NOT NULL,
    "GoLiveDate" TEXT NOT NULL
);

CREATE TABLE "Customers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Customers" PRIMARY KEY AUTOINCREMENT,
    "SourceId" TEXT NOT NULL,
    "FirstName" TEXT NULL,
    "LastName" TEXT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "PostalCode" TEXT NULL,
    "City" TEXT NULL,
    "Country" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ErasedAtUtc" TEXT NULL
);

CREATE TABLE "ImportBatches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportBatches" PRIMARY KEY AUTOINCREMENT,
    "StartedAtUtc" TEXT NOT NULL,
    "FinishedAtUtc" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "RowsRead" INTEGER NOT NULL,
    "RowsImported" INTEGER NOT NULL,
    "DuplicateRows" INTEGER NOT NULL,
    "RejectedRows" INTEGER NOT NULL,
    "ReportJson" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Populations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Populations" PRIMARY KEY AUTOINCREMENT,
    "ChangeProjectId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Headcount" INTEGER NOT NULL,
    "Description" TEXT NULL,
    CONSTRAINT "FK_Populations_ChangeProjects_ChangeProjectId" FOREIGN KEY ("ChangeProjectId") REFERENCES "ChangeProjects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Workshops" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Workshops" PRIMARY KEY AUTOINCREMENT,
    "ChangeProjectId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Facilitator" TEXT NULL,
    "Participants" TEXT NULL,
    "Phase" INTEGER NOT NULL,
    CONSTRAINT "FK_Workshops_ChangeProjects_ChangeProjectId" FOREIGN KEY ("ChangeProjectId") REFERENCES "ChangeProjects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConsentRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsentRecords" PRIMARY KEY AUTOINCREMENT,
    "CustomerId" INTEGER NOT NULL,
    "Purpose" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "ProofReference" TEXT NULL,
    "ImportBatchId" INTEGER NULL,
    CONSTRAINT "FK_ConsentRecords_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Orders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY AUTOINCREMENT,
    "Source" TEXT NOT NULL,
    "SourceOrderId" TEXT NOT NULL,
    "CustomerId" INTEGER NULL,
    "OrderedAtUtc" TEXT NOT NULL,
    "BusinessDate" TEXT NOT NULL,
    "BusinessMonth" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "AmountMilli" INTEGER NOT NULL,
    "ImportBatchId" INTEGER NULL,
    CONSTRAINT "FK_Orders_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SurveyResponses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SurveyResponses" PRIMARY KEY AUTOINCREMENT,
    "SourceId" TEXT NOT NULL,
    "CustomerId" INTEGER NULL,
    "OrderId" INTEGER NULL,
    "RespondedAtUtc" TEXT NOT NULL,
    "BusinessDate" TEXT NOT NULL,
    "BusinessMonth" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Channel" INTEGER NULL,
    "RecommendScore" INTEGER NULL,
    "SatisfactionScore" INTEGER NULL,
    "Comment" TEXT NULL,
    "ImportBatchId" INTEGER NULL,
    CONSTRAINT "FK_SurveyResponses_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "OmocAssessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OmocAssessments" PRIMARY KEY AUTOINCREMENT,
    "WorkshopId" INTEGER NOT NULL,
    "PopulationId" INTEGER NOT NULL,
    "ToolsScore" INTEGER NULL,
    "JobScore" INTEGER NULL,
    "OrganisationScore" INTEGER NULL,
    "CultureScore" INTEGER NULL,
    "ToolsJustification" TEXT NULL,
    "JobJustification" TEXT NULL,
    "OrganisationJustification" TEXT NULL,
    "CultureJustification" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    CONSTRAINT "CK_OmocAssessments_Culture" CHECK (CultureScore IS NULL OR CultureScore BETWEEN 1 AND 4),
    CONSTRAINT "CK_OmocAssessments_Job" CHECK (JobScore IS NULL OR JobScore BETWEEN 1 AND 4),
    CONSTRAINT "CK_OmocAssessments_Organisation" CHECK (OrganisationScore IS NULL OR OrganisationScore BETWEEN 1 AND 4),
    CONSTRAINT "CK_OmocAssessments_Tools" CHECK (ToolsScore IS NULL OR ToolsScore BETWEEN 1 AND 4),
    CONSTRAINT "FK_OmocAssessments_Populations_PopulationId" FOREIGN KEY ("PopulationId") REFERENCES "Populations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OmocAssessments_Workshops_WorkshopId" FOREIGN KEY ("WorkshopId") REFERENCES "Workshops" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OrderLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "ProductCode" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Quantity" INTEGER NOT NULL,
    "UnitPriceMilli" INTEGER NOT NULL,
    "AmountMilli" INTEGER NOT NULL,
    CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_Action_AtUtc" ON "AuditEntries" ("Action", "AtUtc");

CREATE INDEX "IX_AuditEntries_AtUtc" ON "AuditEntries" ("AtUtc");

CREATE INDEX "IX_ConsentRecords_CustomerId_Purpose_RecordedAtUtc" ON "ConsentRecords" ("CustomerId", "Purpose", "RecordedAtUtc");

CREATE INDEX "IX_Customers_Country" ON "Customers" ("Country");

CREATE INDEX "IX_Customers_Email" ON "Customers" ("Email");

CREATE INDEX "IX_Customers_LastName" ON "Customers" ("LastName");

CREATE UNIQUE INDEX "IX_Customers_SourceId" ON "Customers" ("SourceId");

CREATE INDEX "IX_ImportBatches_StartedAtUtc" ON "ImportBatches" ("StartedAtUtc");

CREATE INDEX "IX_OmocAssessments_PopulationId" ON "OmocAssessments" ("PopulationId");

CREATE UNIQUE INDEX "IX_OmocAssessments_WorkshopId_PopulationId" ON "OmocAssessments" ("WorkshopId", "PopulationId");

CREATE INDEX "IX_OrderLines_OrderId" ON "OrderLines" ("OrderId");

CREATE INDEX "IX_Orders_Customer" ON "Orders" ("CustomerId", "Kind", "BusinessDate", "AmountMilli");

CREATE INDEX "IX_Orders_Period" ON "Orders" ("BusinessDate", "Kind", "Channel", "CustomerId", "AmountMilli");

CREATE UNIQUE INDEX "IX_Orders_Source_SourceOrderId" ON "Orders" ("Source", "SourceOrderId");

CREATE INDEX "IX_Populations_ChangeProjectId" ON "Populations" ("ChangeProjectId");

CREATE INDEX "IX_SurveyResponses_BusinessDate_Kind_Channel" ON "SurveyResponses" ("BusinessDate", "Kind", "Channel");

CREATE INDEX "IX_SurveyResponses_CustomerId" ON "SurveyResponses" ("CustomerId");

CREATE UNIQUE INDEX "IX_SurveyResponses_SourceId" ON "SurveyResponses" ("SourceId");

CREATE INDEX "IX_Workshops_ChangeProjectId" ON "Workshops" ("ChangeProjectId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124112236_InitialCreate', '10.0.15');

DROP INDEX "IX_Orders_Period";

CREATE TABLE "AppSecrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_AppSecrets" PRIMARY KEY,
    "Value" BLOB NOT NULL
);

CREATE INDEX "IX_Orders_CustomerMonth" ON "Orders" ("CustomerId", "Kind", "BusinessMonth");

CREATE INDEX "IX_Orders_Period" ON "Orders" ("BusinessDate", "Kind", "Channel", "CustomerId", "AmountMilli", "BusinessMonth");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124120954_SecretsAndMonthIndexes', '10.0.15');

CREATE INDEX "IX_Customers_City" ON "Customers" ("City");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124121617_CustomerCityIndex', '10.0.15');

ALTER TABLE "Customers" ADD "ErasedSourceIdHash" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124121728_ErasedSourceIdHash', '10.0.15');

DROP INDEX "IX_Orders_Customer";

CREATE INDEX "IX_Orders_Customer" ON "Orders" ("CustomerId", "Kind", "BusinessDate", "AmountMilli", "Channel");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124144247_OrdersCustomerIndexWithChannel', '10.0.15');

UPDATE "SurveyResponses"
SET "CustomerId" = (SELECT o."CustomerId" FROM "Orders" AS o WHERE o."Id" = "SurveyResponses"."OrderId")
WHERE "CustomerId" IS NULL AND "OrderId" IS NOT NULL;

UPDATE "SurveyResponses" SET "Comment" = NULL
WHERE "Comment" IS NOT NULL
    AND "CustomerId" IN (SELECT c."Id" FROM "Customers" AS c WHERE c."ErasedAtUtc" IS NOT NULL);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124193157_AttachOrderResponsesToCustomers', '10.0.15');

ALTER TABLE "Populations" ADD "OrganisationUnitId" INTEGER NULL;

CREATE TABLE "OrganisationUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrganisationUnits" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);

CREATE TABLE "PlanActions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanActions" PRIMARY KEY AUTOINCREMENT,
    "PopulationId" INTEGER NOT NULL,
    "Axis" INTEGER NOT NULL,
    "Owner" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_PlanActions_Populations_PopulationId" FOREIGN KEY ("PopulationId") REFERENCES "Populations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SociodynamicActors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SociodynamicActors" PRIMARY KEY AUTOINCREMENT,
    "ChangeProjectId" INTEGER NOT NULL,
    "PopulationId" INTEGER NULL,
    "Name" TEXT NULL,
    "Role" TEXT NULL,
    CONSTRAINT "CK_SociodynamicActors_PersonOrPopulation" CHECK ((PopulationId IS NULL) <> (Name IS NULL)),
    CONSTRAINT "FK_SociodynamicActors_ChangeProjects_ChangeProjectId" FOREIGN KEY ("ChangeProjectId") REFERENCES "ChangeProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SociodynamicActors_Populations_PopulationId" FOREIGN KEY ("PopulationId") REFERENCES "Populations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanActionChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanActionChanges" PRIMARY KEY AUTOINCREMENT,
    "PlanActionId" INTEGER NOT NULL,
    "ChangedAtUtc" TEXT NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "OldValue" TEXT NULL,
    "NewValue" TEXT NULL,
    CONSTRAINT "FK_PlanActionChanges_PlanActions_PlanActionId" FOREIGN KEY ("PlanActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SociodynamicAssessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SociodynamicAssessments" PRIMARY KEY AUTOINCREMENT,
    "ActorId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Synergy" INTEGER NOT NULL,
    "Antagonism" INTEGER NOT NULL,
    "Justification" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedBy" TEXT NULL,
    CONSTRAINT "CK_SociodynamicAssessments_Antagonism" CHECK (Antagonism BETWEEN 1 AND 4),
    CONSTRAINT "CK_SociodynamicAssessments_Synergy" CHECK (Synergy BETWEEN 1 AND 4),
    CONSTRAINT "FK_SociodynamicAssessments_SociodynamicActors_ActorId" FOREIGN KEY ("ActorId") REFERENCES "SociodynamicActors" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Populations_OrganisationUnitId" ON "Populations" ("OrganisationUnitId");

CREATE UNIQUE INDEX "IX_OrganisationUnits_Name" ON "OrganisationUnits" ("Name");

CREATE INDEX "IX_PlanActionChanges_PlanActionId" ON "PlanActionChanges" ("PlanActionId");

CREATE UNIQUE INDEX "IX_PlanActions_PopulationId_Axis" ON "PlanActions" ("PopulationId", "Axis");

CREATE INDEX "IX_SociodynamicActors_ChangeProjectId" ON "SociodynamicActors" ("ChangeProjectId");

CREATE UNIQUE INDEX "IX_SociodynamicActors_PopulationId" ON "SociodynamicActors" ("PopulationId");

CREATE INDEX "IX_SociodynamicAssessments_ActorId_Date" ON "SociodynamicAssessments" ("ActorId", "Date");

CREATE TABLE "ef_temp_Populations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Populations" PRIMARY KEY AUTOINCREMENT,
    "ChangeProjectId" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "Headcount" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "OrganisationUnitId" INTEGER NULL,
    CONSTRAINT "FK_Populations_ChangeProjects_ChangeProjectId" FOREIGN KEY ("ChangeProjectId") REFERENCES "ChangeProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Populations_OrganisationUnits_OrganisationUnitId" FOREIGN KEY ("OrganisationUnitId") REFERENCES "OrganisationUnits" ("Id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_Populations" ("Id", "ChangeProjectId", "Description", "Headcount", "Name", "OrganisationUnitId")
SELECT "Id", "ChangeProjectId", "Description", "Headcount", "Name", "OrganisationUnitId"
FROM "Populations";

PRAGMA foreign_keys = 0;

DROP TABLE "Populations";

ALTER TABLE "ef_temp_Populations" RENAME TO "Populations";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_Populations_ChangeProjectId" ON "Populations" ("ChangeProjectId");

CREATE INDEX "IX_Populations_OrganisationUnitId" ON "Populations" ("OrganisationUnitId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204140507_OmocDepth', '10.0.15');

CREATE TABLE "ThemeSetVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ThemeSetVersions" PRIMARY KEY AUTOINCREMENT,
    "Number" INTEGER NOT NULL,
    "SavedAtUtc" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Definition" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_ThemeSetVersions_Number" ON "ThemeSetVersions" ("Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204140509_VoiceOfCustomerThemes', '10.0.15');

ALTER TABLE "Customers" ADD "SourceCreatedAtUtc" TEXT NULL;

UPDATE "Customers" SET "SourceCreatedAtUtc" = "CreatedAtUtc"
WHERE NOT EXISTS (SELECT 1 FROM "ImportBatches" AS b WHERE b."StartedAtUtc" = "Customers"."CreatedAtUtc");

INSERT INTO "ConsentRecords" ("CustomerId", "Purpose", "Status", "RecordedAtUtc", "Source", "ProofReference", "ImportBatchId")
SELECT DISTINCT r."CustomerId", r."Purpose", 1, c."ErasedAtUtc", 'erasure', NULL, NULL
FROM "ConsentRecords" AS r
JOIN "Customers" AS c ON c."Id" = r."CustomerId"
WHERE c."ErasedAtUtc" IS NOT NULL AND r."Status" = 0
    AND NOT EXISTS (SELECT 1 FROM "ConsentRecords" AS n
        WHERE n."CustomerId" = r."CustomerId" AND n."Purpose" = r."Purpose"
            AND (n."RecordedAtUtc" > r."RecordedAtUtc" OR (n."RecordedAtUtc" = r."RecordedAtUtc" AND n."Status" = 1)));

REINDEX "Customers";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204140803_PrivacyErasureAndRetention', '10.0.15');

ALTER TABLE "ImportBatches" ADD "Currency" TEXT NULL;

ALTER TABLE "ImportBatches" ADD "UndoneAtUtc" TEXT NULL;

ALTER TABLE "ImportBatches" ADD "UndoneBy" TEXT NULL;

ALTER TABLE "Customers" ADD "ImportBatchId" INTEGER NULL;

CREATE TABLE "DatabaseSettings" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_DatabaseSettings" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE INDEX "IX_Customers_ImportBatchId" ON "Customers" ("ImportBatchId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204141232_ImportCurrencyAndUndo', '10.0.15');

CREATE TABLE "SegmentationVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SegmentationVersions" PRIMARY KEY AUTOINCREMENT,
    "SegmentationKey" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "SavedAtUtc" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Definition" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_SegmentationVersions_SegmentationKey_Number" ON "SegmentationVersions" ("SegmentationKey", "Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204164302_CustomSegmentations', '10.0.15');

CREATE TABLE "CustomerMerges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CustomerMerges" PRIMARY KEY AUTOINCREMENT,
    "CustomerId" INTEGER NOT NULL,
    "MergedAtUtc" TEXT NOT NULL,
    "MergedBy" TEXT NOT NULL,
    "Evidence" TEXT NOT NULL,
    "UndoneAtUtc" TEXT NULL,
    "UndoneBy" TEXT NULL
);

CREATE TABLE "CustomerMergeSources" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CustomerMergeSources" PRIMARY KEY AUTOINCREMENT,
    "MergeId" INTEGER NOT NULL,
    "OriginalCustomerId" INTEGER NOT NULL,
    "SourceId" TEXT NOT NULL,
    "FirstName" TEXT NULL,
    "LastName" TEXT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "PostalCode" TEXT NULL,
    "City" TEXT NULL,
    "Country" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "SourceCreatedAtUtc" TEXT NULL,
    "ImportBatchId" INTEGER NULL,
    "ErasedSourceIdHash" TEXT NULL,
    "MovedOrderIds" TEXT NULL,
    "MovedResponseIds" TEXT NULL,
    "MovedConsentIds" TEXT NULL,
    CONSTRAINT "FK_CustomerMergeSources_CustomerMerges_MergeId" FOREIGN KEY ("MergeId") REFERENCES "CustomerMerges" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CustomerMerges_CustomerId" ON "CustomerMerges" ("CustomerId");

CREATE INDEX "IX_CustomerMergeSources_MergeId" ON "CustomerMergeSources" ("MergeId");

CREATE INDEX "IX_CustomerMergeSources_OriginalCustomerId" ON "CustomerMergeSources" ("OriginalCustomerId");

CREATE INDEX "IX_CustomerMergeSources_SourceId" ON "CustomerMergeSources" ("SourceId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204164748_UnifyCustomers', '10.0.15');

CREATE TABLE "RfmGridVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RfmGridVersions" PRIMARY KEY AUTOINCREMENT,
    "Number" INTEGER NOT NULL,
    "FrequencyScoring" TEXT NOT NULL,
    "FrequencyThresholds" TEXT NOT NULL,
    "Grid" TEXT NOT NULL,
    "FromConfiguration" INTEGER NOT NULL,
    "SavedAtUtc" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL,
    "Reason" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_RfmGridVersions_Number" ON "RfmGridVersions" ("Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204195232_RfmSegmentationVersions', '10.0.15');

CREATE TABLE "CustomerMonths" (
    "CustomerId" INTEGER NOT NULL,
    "BusinessMonth" INTEGER NOT NULL,
    "CohortMonth" INTEGER NOT NULL,
    "SaleOrders" INTEGER NOT NULL,
    "ChannelMask" INTEGER NOT NULL,
    CONSTRAINT "PK_CustomerMonths" PRIMARY KEY ("CustomerId", "BusinessMonth")
);

CREATE TABLE "CustomerSales" (
    "CustomerId" INTEGER NOT NULL CONSTRAINT "PK_CustomerSales" PRIMARY KEY,
    "FirstOrderDate" TEXT NOT NULL,
    "LastOrderDate" TEXT NOT NULL,
    "FirstSaleDate" TEXT NULL,
    "FirstSaleMonth" INTEGER NULL,
    "LastSaleDate" TEXT NULL,
    "SaleOrders" INTEGER NOT NULL,
    "NetMilli" INTEGER NOT NULL
);

CREATE TABLE "SalesDays" (
    "BusinessDate" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "BusinessMonth" INTEGER NOT NULL,
    "SaleOrders" INTEGER NOT NULL,
    "IdentifiedSaleOrders" INTEGER NOT NULL,
    "GrossMilli" INTEGER NOT NULL,
    "CancellationOrders" INTEGER NOT NULL,
    "ReturnsMilli" INTEGER NOT NULL,
    CONSTRAINT "PK_SalesDays" PRIMARY KEY ("BusinessDate", "Channel")
);

INSERT INTO "CustomerSales" ("CustomerId", "FirstOrderDate", "LastOrderDate", "FirstSaleDate", "FirstSaleMonth", "LastSaleDate", "SaleOrders", "NetMilli")
SELECT "CustomerId", MIN("BusinessDate"), MAX("BusinessDate"),
    MIN(CASE WHEN "Kind" = 0 THEN "BusinessDate" END), MIN(CASE WHEN "Kind" = 0 THEN "BusinessMonth" END),
    MAX(CASE WHEN "Kind" = 0 THEN "BusinessDate" END), SUM(CASE WHEN "Kind" = 0 THEN 1 ELSE 0 END), SUM("AmountMilli")
FROM "Orders"
WHERE "CustomerId" IS NOT NULL
GROUP BY "CustomerId";

INSERT INTO "CustomerMonths" ("CustomerId", "BusinessMonth", "CohortMonth", "SaleOrders", "ChannelMask")
SELECT o."CustomerId", o."BusinessMonth", MIN(s."FirstSaleMonth"), COUNT(*),
    MAX(CASE WHEN o."Channel" = 0 THEN 1 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 1 THEN 2 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 2 THEN 4 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 3 THEN 8 ELSE 0 END) + MAX(CASE WHEN o."Channel" = 4 THEN 16 ELSE 0 END)
FROM "Orders" o
JOIN "CustomerSales" s ON s."CustomerId" = o."CustomerId"
WHERE o."Kind" = 0 AND o."CustomerId" IS NOT NULL
GROUP BY o."CustomerId", o."BusinessMonth";

INSERT INTO "SalesDays" ("BusinessDate", "Channel", "BusinessMonth", "SaleOrders", "IdentifiedSaleOrders", "GrossMilli", "CancellationOrders", "ReturnsMilli")
SELECT "BusinessDate", "Channel", MIN("BusinessMonth"),
    SUM(CASE WHEN "Kind" = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = 0 AND "CustomerId" IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN "Kind" = 0 THEN "AmountMilli" ELSE 0 END),
    SUM(CASE WHEN "Kind" = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = 1 THEN "AmountMilli" ELSE 0 END)
FROM "Orders"
GROUP BY "BusinessDate", "Channel";

CREATE INDEX "IX_CustomerMonths_BusinessMonth_ChannelMask" ON "CustomerMonths" ("BusinessMonth", "ChannelMask");

CREATE INDEX "IX_CustomerMonths_CohortMonth_BusinessMonth" ON "CustomerMonths" ("CohortMonth", "BusinessMonth");

CREATE INDEX "IX_CustomerSales_FirstSaleMonth" ON "CustomerSales" ("FirstSaleMonth");

CREATE INDEX "IX_CustomerSales_LastOrderDate" ON "CustomerSales" ("LastOrderDate");

CREATE INDEX "IX_SalesDays_BusinessMonth_Channel" ON "SalesDays" ("BusinessMonth", "Channel");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204200124_SalesSummaries', '10.0.15');

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204200431_DataProtectionKeys', '10.0.15');

CREATE TABLE "CustomerYears" (
    "CustomerId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Months" INTEGER NOT NULL,
    "RepeatMonths" INTEGER NOT NULL,
    "ChannelMonths" INTEGER NOT NULL,
    "ChannelRepeatMonths" INTEGER NOT NULL,
    CONSTRAINT "PK_CustomerYears" PRIMARY KEY ("CustomerId", "Year")
);

INSERT INTO "CustomerYears" ("CustomerId", "Year", "Months", "RepeatMonths", "ChannelMonths", "ChannelRepeatMonths")
SELECT "CustomerId", "BusinessMonth" / 100, SUM(mbit), SUM(CASE WHEN n >= 2 THEN mbit ELSE 0 END),
    SUM((CASE WHEN n0 >= 1 THEN 1 ELSE 0 END + CASE WHEN n1 >= 1 THEN 4096 ELSE 0 END + CASE WHEN n2 >= 1 THEN 16777216 ELSE 0 END +
        CASE WHEN n3 >= 1 THEN 68719476736 ELSE 0 END + CASE WHEN n4 >= 1 THEN 281474976710656 ELSE 0 END) * mbit),
    SUM((CASE WHEN n0 >= 2 THEN 1 ELSE 0 END + CASE WHEN n1 >= 2 THEN 4096 ELSE 0 END + CASE WHEN n2 >= 2 THEN 16777216 ELSE 0 END +
        CASE WHEN n3 >= 2 THEN 68719476736 ELSE 0 END + CASE WHEN n4 >= 2 THEN 281474976710656 ELSE 0 END) * mbit)
FROM (
    SELECT "CustomerId", "BusinessMonth", (CAST(1 AS BIGINT) << ("BusinessMonth" % 100 - 1)) AS mbit, COUNT(*) AS n,
        SUM(CASE WHEN "Channel" = 0 THEN 1 ELSE 0 END) AS n0, SUM(CASE WHEN "Channel" = 1 THEN 1 ELSE 0 END) AS n1,
        SUM(CASE WHEN "Channel" = 2 THEN 1 ELSE 0 END) AS n2,
        SUM(CASE WHEN "Channel" = 3 THEN 1 ELSE 0 END) AS n3, SUM(CASE WHEN "Channel" = 4 THEN 1 ELSE 0 END) AS n4
    FROM "Orders"
    WHERE "Kind" = 0 AND "CustomerId" IS NOT NULL
    GROUP BY "CustomerId", "BusinessMonth"
) AS m
GROUP BY "CustomerId", "BusinessMonth" / 100;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204230640_CustomerYears', '10.0.15');

DROP INDEX "IX_SurveyResponses_BusinessDate_Kind_Channel";

CREATE INDEX "IX_SurveyResponses_Period" ON "SurveyResponses" ("BusinessDate", "Kind", "Channel", "CustomerId", "RecommendScore", "SatisfactionScore", "BusinessMonth");

CREATE INDEX "IX_Customers_Erased" ON "Customers" ("ErasedAtUtc") WHERE "ErasedAtUtc" IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205014730_FirstVisitIndexes', '10.0.15');

DROP TABLE "CustomerMonths";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205124038_DropCustomerMonths', '10.0.15');

DROP INDEX "IX_Orders_CustomerMonth";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206161729_DropOrdersCustomerMonthIndex', '10.0.15');

CREATE TABLE "Products" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Products" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Description" TEXT NULL
);

CREATE UNIQUE INDEX "IX_Products_Code_Description" ON "Products" ("Code", "Description");

ALTER TABLE "OrderLines" ADD "ProductId" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "Products" ("Code", "Description")
SELECT "ProductCode", "Description" FROM "OrderLines" GROUP BY "ProductCode", "Description" ORDER BY "ProductCode", "Description";

UPDATE "OrderLines" SET "ProductId" = (SELECT p."Id" FROM "Products" AS p
    WHERE p."Code" = "OrderLines"."ProductCode" AND p."Description" IS "OrderLines"."Description");

CREATE TABLE "ef_temp_OrderLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY AUTOINCREMENT,
    "AmountMilli" INTEGER NOT NULL,
    "OrderId" INTEGER NOT NULL,
    "ProductId" INTEGER NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "UnitPriceMilli" INTEGER NOT NULL,
    CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OrderLines_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_OrderLines" ("Id", "AmountMilli", "OrderId", "ProductId", "Quantity", "UnitPriceMilli")
SELECT "Id", "AmountMilli", "OrderId", "ProductId", "Quantity", "UnitPriceMilli"
FROM "OrderLines";

PRAGMA foreign_keys = 0;

DROP TABLE "OrderLines";

ALTER TABLE "ef_temp_OrderLines" RENAME TO "OrderLines";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_OrderLines_OrderId" ON "OrderLines" ("OrderId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207045952_ProductCatalogue', '10.0.15');

