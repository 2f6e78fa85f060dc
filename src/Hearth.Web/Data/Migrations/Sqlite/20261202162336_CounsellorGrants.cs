using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hearth.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CounsellorGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CounsellorGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounsellorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellorGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellorGrants_AspNetUsers_CounsellorUserId",
                        column: x => x.CounsellorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CounsellorGrants_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CounsellorConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scopes = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellorConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellorConsents_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CounsellorConsents_CounsellorGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "CounsellorGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CounsellorLooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Scopes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellorLooks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellorLooks_CounsellorGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "CounsellorGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorConsents_GrantId_UserId",
                table: "CounsellorConsents",
                columns: new[] { "GrantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorConsents_SpaceId",
                table: "CounsellorConsents",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorConsents_UserId",
                table: "CounsellorConsents",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorGrants_CounsellorUserId",
                table: "CounsellorGrants",
                column: "CounsellorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorGrants_SpaceId",
                table: "CounsellorGrants",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorLooks_GrantId",
                table: "CounsellorLooks",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellorLooks_SpaceId_At",
                table: "CounsellorLooks",
                columns: new[] { "SpaceId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CounsellorConsents");

            migrationBuilder.DropTable(
                name: "CounsellorLooks");

            migrationBuilder.DropTable(
                name: "CounsellorGrants");
        }
    }
}
