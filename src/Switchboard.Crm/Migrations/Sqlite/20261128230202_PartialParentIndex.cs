using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Crm.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialParentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CallRecords_ParentPbxCallId_Line",
                table: "CallRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_ParentPbxCallId_Line",
                table: "CallRecords",
                columns: new[] { "ParentPbxCallId", "Line" },
                filter: "\"ParentPbxCallId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CallRecords_ParentPbxCallId_Line",
                table: "CallRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_ParentPbxCallId_Line",
                table: "CallRecords",
                columns: new[] { "ParentPbxCallId", "Line" });
        }
    }
}
