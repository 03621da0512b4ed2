using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <summary>
    /// Dossiers closed per local day, level and status (dossier_daily_counts), kept in step by the dossier consumer;
    /// filled here from the dossiers already held. The dossier_facts secondary indexes go: no query reads them now,
    /// and every index slows the batch upserts.
    /// </summary>
    public partial class DossierDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossier_facts_received_on",
                table: "dossier_facts");

            migrationBuilder.DropIndex(
                name: "ix_dossier_facts_status_closed_on",
                table: "dossier_facts");

            migrationBuilder.CreateTable(
                name: "dossier_daily_counts",
                columns: table => new
                {
                    closed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    unit_level = table.Column<short>(type: "smallint", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    dossiers = table.Column<long>(type: "bigint", nullable: false),
                    on_time = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_daily_counts", x => new { x.closed_on, x.unit_level, x.status });
                });

            migrationBuilder.Sql("""
                INSERT INTO dossier_daily_counts (closed_on, unit_level, status, dossiers, on_time)
                SELECT closed_on, unit_level, status, count(*), count(*) FILTER (WHERE on_time)
                FROM dossier_facts WHERE closed_on IS NOT NULL
                GROUP BY closed_on, unit_level, status;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_daily_counts");

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
        }
    }
}
