using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Crm.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeamsAndCallIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CallRecords_ContactId",
                table: "CallRecords");

            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                table: "Users",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Users_TeamId",
                table: "Users",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_AccountId_StartedAt_Id",
                table: "CallRecords",
                columns: new[] { "AccountId", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_ContactId_StartedAt_Id",
                table: "CallRecords",
                columns: new[] { "ContactId", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_DurationSeconds_Id",
                table: "CallRecords",
                columns: new[] { "DurationSeconds", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_UserId_StartedAt_Id",
                table: "CallRecords",
                columns: new[] { "UserId", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Users_Teams_TeamId",
                table: "Users",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Users_Teams_TeamId",
                table: "Users");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropIndex(
                name: "IX_Users_TeamId",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_CallRecords_AccountId_StartedAt_Id",
                table: "CallRecords");

            migrationBuilder.DropIndex(
                name: "IX_CallRecords_ContactId_StartedAt_Id",
                table: "CallRecords");

            migrationBuilder.DropIndex(
                name: "IX_CallRecords_DurationSeconds_Id",
                table: "CallRecords");

            migrationBuilder.DropIndex(
                name: "IX_CallRecords_UserId_StartedAt_Id",
                table: "CallRecords");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "Users");

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_ContactId",
                table: "CallRecords",
                column: "ContactId");
        }
    }
}
