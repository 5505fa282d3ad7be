using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Crm.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SipAccountDtmfAndIceServers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DtmfTransport",
                table: "SipAccounts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Rfc4733");

            migrationBuilder.AddColumn<string>(
                name: "ProtectedIceServers",
                table: "SipAccounts",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DtmfTransport",
                table: "SipAccounts");

            migrationBuilder.DropColumn(
                name: "ProtectedIceServers",
                table: "SipAccounts");
        }
    }
}
