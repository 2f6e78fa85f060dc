using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hearth.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CounsellorSuggestionsAndCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CounsellorCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RedeemedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RedeemedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellorCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellorCodes_AspNetUsers_RedeemedByUserId",
                        column: x => x.RedeemedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CounsellorSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounsellorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    NoteCiphertext = table.Column<byte[]>(type: "bytea", maxLength: 1149, nullable: true),
                    SuggestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellorSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellorSuggestions_CounsellorGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "CounsellorGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CounsellorSuggestions_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CounsellorSuggestionDismissals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SuggestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellorSuggestionDismissals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellorSuggestionDismissals_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CounsellorSuggestionDismissals_CounsellorSuggestions_Sugges~",
                        column: x => x.SuggestionId,
                        principalTable: "CounsellorSuggestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorCodes_CodeHash",
                table: "CounsellorCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorCodes_RedeemedByUserId",
                table: "CounsellorCodes",
                column: "RedeemedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorSuggestionDismissals_SpaceId",
                table: "CounsellorSuggestionDismissals",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorSuggestionDismissals_SuggestionId_UserId",
                table: "CounsellorSuggestionDismissals",
                columns: new[] { "SuggestionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorSuggestionDismissals_UserId",
                table: "CounsellorSuggestionDismissals",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorSuggestions_GrantId",
                table: "CounsellorSuggestions",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorSuggestions_SpaceId_SuggestedAt",
                table: "CounsellorSuggestions",
                columns: new[] { "SpaceId", "SuggestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CounsellorCodes");

            migrationBuilder.DropTable(
                name: "CounsellorSuggestionDismissals");

            migrationBuilder.DropTable(
                name: "CounsellorSuggestions");
        }
    }
}
