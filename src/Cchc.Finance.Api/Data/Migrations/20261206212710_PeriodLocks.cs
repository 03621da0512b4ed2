using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Finance.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeriodLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fact_corrections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    client_id = table.Column<string>(type: "text", nullable: false),
                    operation = table.Column<string>(type: "text", nullable: false),
                    fact_day = table.Column<DateOnly>(type: "date", nullable: false),
                    period = table.Column<string>(type: "text", nullable: false),
                    approval_version = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fact_corrections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "period_locks",
                columns: table => new
                {
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: false),
                    period = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    approved_by = table.Column<string>(type: "text", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_period_locks", x => new { x.from_day, x.to_day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fact_corrections");

            migrationBuilder.DropTable(
                name: "period_locks");
        }
    }
}
