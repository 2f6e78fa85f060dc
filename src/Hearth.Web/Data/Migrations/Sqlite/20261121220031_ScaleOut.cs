using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hearth.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackgroundRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SlotStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemsRemoved = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundRuns", x => new { x.Job, x.SlotStart });
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackgroundRuns");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");
        }
    }
}
