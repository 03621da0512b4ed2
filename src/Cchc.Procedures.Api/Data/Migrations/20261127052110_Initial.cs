using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cchc.Procedures.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossiers",
                columns: table => new
                {
                    dossier_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    procedure_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    receiving_unit = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    unit_level = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossiers", x => x.dossier_id);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                columns: table => new
                {
                    feedback_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    procedure_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    subject = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.feedback_id);
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
                name: "procedure_versions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    in_force_from = table.Column<DateOnly>(type: "date", nullable: false),
                    abolished_on = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    field = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    resolving_unit = table.Column<string>(type: "text", nullable: false),
                    receiving_place = table.Column<int>(type: "integer", nullable: false),
                    inter_agency_same_level = table.Column<bool>(type: "boolean", nullable: false),
                    inter_agency_between_levels = table.Column<bool>(type: "boolean", nullable: false),
                    four_on_the_spot = table.Column<bool>(type: "boolean", nullable: false),
                    online_level = table.Column<int>(type: "integer", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_versions", x => new { x.code, x.version });
                });

            migrationBuilder.CreateTable(
                name: "procedures",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    in_force_from = table.Column<DateOnly>(type: "date", nullable: false),
                    abolished_on = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    field = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    resolving_unit = table.Column<string>(type: "text", nullable: false),
                    receiving_place = table.Column<int>(type: "integer", nullable: false),
                    inter_agency_same_level = table.Column<bool>(type: "boolean", nullable: false),
                    inter_agency_between_levels = table.Column<bool>(type: "boolean", nullable: false),
                    four_on_the_spot = table.Column<bool>(type: "boolean", nullable: false),
                    online_level = table.Column<int>(type: "integer", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedures", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_pending",
                table: "dossiers",
                column: "dossier_id",
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_procedure_code_dossier_id",
                table: "dossiers",
                columns: new[] { "procedure_code", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_received_at",
                table: "dossiers",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_receiving_unit_dossier_id",
                table: "dossiers",
                columns: new[] { "receiving_unit", "dossier_id" });

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
                name: "ix_procedure_versions_field_code",
                table: "procedure_versions",
                columns: new[] { "field", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_level_code",
                table: "procedure_versions",
                columns: new[] { "level", "code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropTable(
                name: "feedback");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "procedure_versions");

            migrationBuilder.DropTable(
                name: "procedures");
        }
    }
}
