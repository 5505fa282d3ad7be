using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Crm.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CallRecordings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecordingFile",
                table: "CallRecords",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordingFile",
                table: "CallRecords");
        }
    }
}
