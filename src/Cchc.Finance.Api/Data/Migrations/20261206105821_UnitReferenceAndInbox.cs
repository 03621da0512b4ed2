using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Finance.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitReferenceAndInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "unit_reference_units",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_reference_units", x => x.unit_code);
                });

            migrationBuilder.CreateTable(
                name: "unit_reference_periods",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_reference_periods", x => new { x.unit_code, x.valid_from });
                    table.ForeignKey(
                        name: "fk_unit_reference_periods_units",
                        column: x => x.unit_code,
                        principalTable: "unit_reference_units",
                        principalColumn: "unit_code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_unit_reference_periods_name_valid_from",
                table: "unit_reference_periods",
                columns: new[] { "name", "valid_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "unit_reference_periods");

            migrationBuilder.DropTable(
                name: "unit_reference_units");
        }
    }
}
