using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hearth.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromptResponsesBySpaceAndDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PromptResponses_SpaceId",
                table: "PromptResponses");

            migrationBuilder.CreateIndex(
                name: "IX_PromptResponses_SpaceId_PromptDayId",
                table: "PromptResponses",
                columns: new[] { "SpaceId", "PromptDayId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PromptResponses_SpaceId_PromptDayId",
                table: "PromptResponses");

            migrationBuilder.CreateIndex(
                name: "IX_PromptResponses_SpaceId",
                table: "PromptResponses",
                column: "SpaceId");
        }
    }
}
