using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportApprovalsAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correction_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    service = table.Column<string>(type: "text", nullable: false),
                    operation = table.Column<string>(type: "text", nullable: false),
                    fact_day = table.Column<DateOnly>(type: "date", nullable: false),
                    period = table.Column<string>(type: "text", nullable: false),
                    approval_version = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    corrected_by = table.Column<string>(type: "text", nullable: false),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correction_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "report_approvals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    period = table.Column<string>(type: "text", nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    approved_by = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "text", nullable: false),
                    snapshot = table.Column<string>(type: "text", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    withdrawn_by = table.Column<string>(type: "text", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_approvals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correction_facts_fact_day",
                table: "correction_facts",
                column: "fact_day");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_report_approvals_period_version",
                table: "report_approvals",
                columns: new[] { "from_day", "to_day", "version" },
                unique: true);

            // An approval's snapshot is immutable: only its withdrawal may be set, and a version is never deleted.
            migrationBuilder.Sql("""
                CREATE FUNCTION report_approvals_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'report_approvals: an approval version is never deleted';
                    END IF;
                    IF NEW.period IS DISTINCT FROM OLD.period OR NEW.from_day IS DISTINCT FROM OLD.from_day OR NEW.to_day IS DISTINCT FROM OLD.to_day
                        OR NEW.version IS DISTINCT FROM OLD.version OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
                        OR NEW.approved_by IS DISTINCT FROM OLD.approved_by OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
                        OR NEW.snapshot IS DISTINCT FROM OLD.snapshot OR (OLD.withdrawn_at IS NOT NULL) THEN
                        RAISE EXCEPTION 'report_approvals: an approval is immutable (only its withdrawal may be recorded, once)';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER report_approvals_immutable BEFORE UPDATE OR DELETE ON report_approvals
                    FOR EACH ROW EXECUTE FUNCTION report_approvals_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_approvals_immutable ON report_approvals; DROP FUNCTION IF EXISTS report_approvals_immutable();");
            migrationBuilder.DropTable(
                name: "correction_facts");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "report_approvals");
        }
    }
}
