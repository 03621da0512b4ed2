using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staffing_facts",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    metric = table.Column<int>(type: "integer", nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    individual = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staffing_facts", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "unit_period_facts",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "text", nullable: true),
                    sector = table.Column<int>(type: "integer", nullable: false),
                    successor_codes = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_period_facts", x => new { x.unit_code, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "unit_revisions",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_revisions", x => x.unit_code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staffing_facts_metric_to_day",
                table: "staffing_facts",
                columns: new[] { "metric", "to_day" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_period_facts_kind_from_day",
                table: "unit_period_facts",
                columns: new[] { "kind", "from_day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staffing_facts");

            migrationBuilder.DropTable(
                name: "unit_period_facts");

            migrationBuilder.DropTable(
                name: "unit_revisions");
        }
    }
}
