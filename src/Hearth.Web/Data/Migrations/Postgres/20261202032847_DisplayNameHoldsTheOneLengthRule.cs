using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hearth.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DisplayNameHoldsTheOneLengthRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "DisplayName",
                table: "AspNetUsers",
                type: "character varying(3840)",
                maxLength: 3840,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "DisplayName",
                table: "AspNetUsers",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(3840)",
                oldMaxLength: 3840);
        }
    }
}
