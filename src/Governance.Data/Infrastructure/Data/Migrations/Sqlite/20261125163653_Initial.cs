using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Core.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PermissionSet = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Resources = table.Column<string>(type: "TEXT", nullable: false),
                    TargetRoleName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TargetRoleArn = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DurationHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequiredApprovals = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoApproved = table.Column<bool>(type: "INTEGER", nullable: false),
                    PolicyDocument = table.Column<string>(type: "TEXT", nullable: false),
                    PreviewJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PermissionSet = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TargetRoleName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TargetRoleArn = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    PolicyName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PolicyDocument = table.Column<string>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EndComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "request_approvals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApproverId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_approvals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_approvals_access_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "access_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_RequesterId_CreatedAt",
                table: "access_requests",
                columns: new[] { "RequesterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_Status_CreatedAt",
                table: "access_requests",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_GrantId",
                table: "audit_events",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_RequestId",
                table: "audit_events",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_grants_RequestId",
                table: "grants",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grants_Status_EndsAt",
                table: "grants",
                columns: new[] { "Status", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_request_approvals_RequestId",
                table: "request_approvals",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "grants");

            migrationBuilder.DropTable(
                name: "request_approvals");

            migrationBuilder.DropTable(
                name: "access_requests");
        }
    }
}
