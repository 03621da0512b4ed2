using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_facts",
                columns: table => new
                {
                    dossier_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    procedure_code = table.Column<string>(type: "text", nullable: false),
                    receiving_unit = table.Column<string>(type: "text", nullable: false),
                    unit_level = table.Column<short>(type: "smallint", nullable: false),
                    channel = table.Column<short>(type: "smallint", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    on_time = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_facts", x => x.dossier_id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_facts",
                columns: table => new
                {
                    feedback_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    procedure_code = table.Column<string>(type: "text", nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_facts", x => x.feedback_id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "text", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "procedure_versions",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    level = table.Column<short>(type: "smallint", nullable: false),
                    receiving_place = table.Column<short>(type: "smallint", nullable: false),
                    inter_agency_same_level = table.Column<bool>(type: "boolean", nullable: false),
                    inter_agency_between_levels = table.Column<bool>(type: "boolean", nullable: false),
                    four_on_the_spot = table.Column<bool>(type: "boolean", nullable: false),
                    online_level = table.Column<short>(type: "smallint", nullable: false),
                    in_force_from = table.Column<DateOnly>(type: "date", nullable: false),
                    abolished_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_versions", x => new { x.code, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_received_on",
                table: "dossier_facts",
                column: "received_on")
                .Annotation("Npgsql:IndexInclude", new[] { "unit_level" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_status_closed_on",
                table: "dossier_facts",
                columns: new[] { "status", "closed_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "unit_level", "on_time" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_facts_received_on",
                table: "feedback_facts",
                column: "received_on");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_effective_from",
                table: "procedure_versions",
                columns: new[] { "effective_from", "code", "version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_facts");

            migrationBuilder.DropTable(
                name: "feedback_facts");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "procedure_versions");
        }
    }
}
