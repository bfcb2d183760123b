using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Core.Infrastructure.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SupersededAt",
                table: "request_approvals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviewVersion",
                table: "access_requests",
                type: "character varying(64)",
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
