using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hearth.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DebriefSavedItemsAndInsightsNotFitting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DebriefSavedItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebriefSavedItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebriefSavedItems_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InsightFitCounts",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NotFitting = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightFitCounts", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "InsightsNotFitting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsightKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsNotFitting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightsNotFitting_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DebriefSavedItems_SpaceId_UserId_ItemId",
                table: "DebriefSavedItems",
                columns: new[] { "SpaceId", "UserId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DebriefSavedItems_UserId",
                table: "DebriefSavedItems",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_InsightsNotFitting_SpaceId_UserId_InsightKey",
                table: "InsightsNotFitting",
                columns: new[] { "SpaceId", "UserId", "InsightKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightsNotFitting_UserId",
                table: "InsightsNotFitting",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DebriefSavedItems");

            migrationBuilder.DropTable(
                name: "InsightFitCounts");

            migrationBuilder.DropTable(
                name: "InsightsNotFitting");
        }
    }
}
