using Cchc.Security;
using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cchc.Organisation.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    client_id = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: true),
                    operation = table.Column<string>(type: "text", nullable: false),
                    target_id = table.Column<string>(type: "text", nullable: true),
                    request_id = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    status_code = table.Column<string>(type: "text", nullable: false),
                    prev_hash = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    client_id = table.Column<string>(type: "text", nullable: false),
                    request_id = table.Column<string>(type: "text", nullable: false),
                    operation = table.Column<string>(type: "text", nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.client_id, x.request_id });
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
                name: "registry",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_records",
                columns: table => new
                {
                    record_id = table.Column<string>(type: "text", nullable: false),
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    appointment_kind = table.Column<int>(type: "integer", nullable: false),
                    through_competition = table.Column<bool>(type: "boolean", nullable: false),
                    person_ref = table.Column<string>(type: "text", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_records", x => x.record_id);
                });

            migrationBuilder.CreateTable(
                name: "staffing_figures",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    metric = table.Column<int>(type: "integer", nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staffing_figures", x => new { x.unit_code, x.metric, x.from_day, x.to_day });
                });

            migrationBuilder.CreateTable(
                name: "unit_changes",
                columns: table => new
                {
                    change_id = table.Column<string>(type: "text", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_changes", x => x.change_id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    official_code = table.Column<string>(type: "text", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    ended_by = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.unit_code);
                });

            migrationBuilder.CreateTable(
                name: "unit_periods",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    sector = table.Column<int>(type: "integer", nullable: false),
                    successor_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    began_by = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_periods", x => new { x.unit_code, x.sequence });
                    table.ForeignKey(
                        name: "FK_unit_periods_units_unit_code",
                        column: x => x.unit_code,
                        principalTable: "units",
                        principalColumn: "unit_code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "registry",
                columns: new[] { "id", "revision" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_unit_occurred_at",
                table: "audit_entries",
                columns: new[] { "unit", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

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
                name: "ix_staff_records_unit_code_kind_on",
                table: "staff_records",
                columns: new[] { "unit_code", "kind", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_staffing_figures_metric_to_day",
                table: "staffing_figures",
                columns: new[] { "metric", "to_day" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_changes_revision",
                table: "unit_changes",
                column: "revision");

            migrationBuilder.CreateIndex(
                name: "ix_unit_periods_kind_from_day",
                table: "unit_periods",
                columns: new[] { "kind", "from_day" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_periods_name",
                table: "unit_periods",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_unit_periods_parent_code",
                table: "unit_periods",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_units_official_code",
                table: "units",
                column: "official_code");

            migrationBuilder.CreateAuditAppendOnlyGuard();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditAppendOnlyGuard();

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "registry");

            migrationBuilder.DropTable(
                name: "staff_records");

            migrationBuilder.DropTable(
                name: "staffing_figures");

            migrationBuilder.DropTable(
                name: "unit_changes");

            migrationBuilder.DropTable(
                name: "unit_periods");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
