using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Core.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the audit log is append-only, in the database as well as in the code.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_delete;");
        }
    }
}
