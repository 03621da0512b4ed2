using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicFinanceFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "autonomy_status_facts",
                columns: table => new
                {
                    unit = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    regime = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_kind = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_autonomy_status_facts", x => new { x.unit, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "autonomy_unit_facts",
                columns: table => new
                {
                    unit = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_autonomy_unit_facts", x => x.unit);
                });

            migrationBuilder.CreateTable(
                name: "budget_figure_facts",
                columns: table => new
                {
                    figure_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    year_from = table.Column<int>(type: "integer", nullable: false),
                    year_to = table.Column<int>(type: "integer", nullable: false),
                    funding_source = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_figure_facts", x => x.figure_id);
                });

            migrationBuilder.CreateTable(
                name: "unreported_breakdown_facts",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    parent_kind = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unreported_breakdown_facts", x => new { x.year, x.parent_kind, x.level });
                });

            migrationBuilder.CreateIndex(
                name: "ix_autonomy_status_facts_effective",
                table: "autonomy_status_facts",
                columns: new[] { "effective_from", "effective_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "autonomy_status_facts");

            migrationBuilder.DropTable(
                name: "autonomy_unit_facts");

            migrationBuilder.DropTable(
                name: "budget_figure_facts");

            migrationBuilder.DropTable(
                name: "unreported_breakdown_facts");
        }
    }
}
