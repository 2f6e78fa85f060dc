using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hearth.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TodaysQuestionTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuestionMinute",
                table: "SpaceSettings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QuestionMinute",
                table: "SpaceSettings");
        }
    }
}
