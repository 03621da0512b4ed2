using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cchc.Legal.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_checks",
                columns: table => new
                {
                    check_id = table.Column<string>(type: "text", nullable: false),
                    document_id = table.Column<string>(type: "text", nullable: false),
                    checking_unit = table.Column<string>(type: "text", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    result = table.Column<int>(type: "integer", nullable: false),
                    handling = table.Column<int>(type: "integer", nullable: false),
                    handled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_checks", x => x.check_id);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    document_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    issuing_body = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    issuer_unit = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    drafting_agency = table.Column<string>(type: "text", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    gazette_published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    gazette_issue = table.Column<string>(type: "text", nullable: true),
                    expired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    partly_expired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.document_id);
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
                name: "review_findings",
                columns: table => new
                {
                    round_id = table.Column<string>(type: "text", nullable: false),
                    document_id = table.Column<string>(type: "text", nullable: false),
                    conclusion = table.Column<int>(type: "integer", nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    handling = table.Column<int>(type: "integer", nullable: false),
                    handled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_findings", x => new { x.round_id, x.document_id });
                });

            migrationBuilder.CreateTable(
                name: "review_rounds",
                columns: table => new
                {
                    round_id = table.Column<string>(type: "text", nullable: false),
                    reviewing_unit = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "text", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_rounds", x => x.round_id);
                });

            migrationBuilder.CreateTable(
                name: "systematisation_periods",
                columns: table => new
                {
                    period_id = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    issuer_units = table.Column<List<string>>(type: "text[]", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_systematisation_periods", x => x.period_id);
                });

            migrationBuilder.CreateTable(
                name: "document_events",
                columns: table => new
                {
                    document_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    caused_by = table.Column<string>(type: "text", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_events", x => new { x.document_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_document_events_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "document_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_checks_document_id",
                table: "document_checks",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_events_caused_by",
                table: "document_events",
                column: "caused_by");

            migrationBuilder.CreateIndex(
                name: "ix_documents_issuer_unit_signed_on",
                table: "documents",
                columns: new[] { "issuer_unit", "signed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_signed_on",
                table: "documents",
                column: "signed_on");

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
                name: "ix_review_findings_document_id",
                table: "review_findings",
                column: "document_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_checks");

            migrationBuilder.DropTable(
                name: "document_events");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "review_findings");

            migrationBuilder.DropTable(
                name: "review_rounds");

            migrationBuilder.DropTable(
                name: "systematisation_periods");

            migrationBuilder.DropTable(
                name: "documents");
        }
    }
}
