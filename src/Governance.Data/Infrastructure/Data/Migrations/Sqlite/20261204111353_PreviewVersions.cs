using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Core.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PreviewVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviewVersion",
                table: "request_approvals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SupersededAt",
                table: "request_approvals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviewVersion",
                table: "access_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviewVersion",
                table: "request_approvals");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "request_approvals");

            migrationBuilder.DropColumn(
                name: "PreviewVersion",
                table: "access_requests");
        }
    }
}
