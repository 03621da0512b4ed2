using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "obligation_facts",
                columns: table => new
                {
                    unit = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    indicator = table.Column<string>(type: "text", nullable: true),
                    record_kind = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_obligation_facts", x => new { x.unit, x.subject, x.period_from, x.period_to });
                });

            migrationBuilder.CreateTable(
                name: "programme_record_facts",
                columns: table => new
                {
                    reporting_unit = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    day_from = table.Column<DateOnly>(type: "date", nullable: false),
                    day_to = table.Column<DateOnly>(type: "date", nullable: true),
                    subject = table.Column<string>(type: "text", nullable: true),
                    target = table.Column<int>(type: "integer", nullable: false),
                    national_index = table.Column<int>(type: "integer", nullable: false),
                    bulletins = table.Column<long>(type: "bigint", nullable: true),
                    newspaper_articles = table.Column<long>(type: "bigint", nullable: true),
                    portal_section = table.Column<bool>(type: "boolean", nullable: true),
                    contests = table.Column<long>(type: "bigint", nullable: true),
                    participants = table.Column<long>(type: "bigint", nullable: true),
                    services_surveyed = table.Column<long>(type: "bigint", nullable: true),
                    sample_size = table.Column<long>(type: "bigint", nullable: true),
                    score = table.Column<decimal>(type: "numeric", nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    first_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_record_facts", x => new { x.reporting_unit, x.key });
                });

            migrationBuilder.CreateTable(
                name: "submitted_value_facts",
                columns: table => new
                {
                    indicator = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    first_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submitted_value_facts", x => new { x.indicator, x.unit, x.period_from, x.period_to });
                });

            migrationBuilder.CreateIndex(
                name: "ix_programme_record_facts_kind_day_from",
                table: "programme_record_facts",
                columns: new[] { "kind", "day_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "obligation_facts");

            migrationBuilder.DropTable(
                name: "programme_record_facts");

            migrationBuilder.DropTable(
                name: "submitted_value_facts");
        }
    }
}
