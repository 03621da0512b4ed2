using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class EgovFactsAndElectronicDossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "processed_electronically",
                table: "dossier_facts",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "electronic",
                table: "dossier_daily_counts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "egov_capability_facts",
                columns: table => new
                {
                    unit = table.Column<string>(type: "text", nullable: false),
                    capability = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    unit_level = table.Column<int>(type: "integer", nullable: false),
                    in_use = table.Column<bool>(type: "boolean", nullable: false),
                    iso_version = table.Column<int>(type: "integer", nullable: false),
                    certificate_date = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_egov_capability_facts", x => new { x.unit, x.capability, x.effective_from });
                });

            migrationBuilder.CreateTable(
                name: "egov_metric_facts",
                columns: table => new
                {
                    source_system = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    metric = table.Column<int>(type: "integer", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    unit_level = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_egov_metric_facts", x => new { x.source_system, x.unit, x.metric, x.period_from, x.period_to });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_facts_online",
                table: "dossier_facts",
                columns: new[] { "procedure_code", "received_on" },
                filter: "channel = 2");

            migrationBuilder.CreateIndex(
                name: "ix_egov_metric_facts_metric_period_to",
                table: "egov_metric_facts",
                columns: new[] { "metric", "period_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "egov_capability_facts");

            migrationBuilder.DropTable(
                name: "egov_metric_facts");

            migrationBuilder.DropIndex(
                name: "ix_dossier_facts_online",
                table: "dossier_facts");

            migrationBuilder.DropColumn(
                name: "processed_electronically",
                table: "dossier_facts");

            migrationBuilder.DropColumn(
                name: "electronic",
                table: "dossier_daily_counts");
        }
    }
}
