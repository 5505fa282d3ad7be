using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Crm.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhoneStyle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneStyle",
                table: "Users",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                // Users that existed before keep driving their desk phone through the PBX link.
                defaultValue: "ThirdParty");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PhoneStyle",
                table: "Users");
        }
    }
}
