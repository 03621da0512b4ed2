using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_check_facts",
                columns: table => new
                {
                    check_id = table.Column<string>(type: "text", nullable: false),
                    document_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    result = table.Column<int>(type: "integer", nullable: false),
                    handling = table.Column<int>(type: "integer", nullable: false),
                    handled_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_check_facts", x => x.check_id);
                });

            migrationBuilder.CreateTable(
                name: "legal_document_facts",
                columns: table => new
                {
                    document_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    issuing_body = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expired_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_document_facts", x => x.document_id);
                });

            migrationBuilder.CreateTable(
                name: "review_finding_facts",
                columns: table => new
                {
                    round_id = table.Column<string>(type: "text", nullable: false),
                    document_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    conclusion = table.Column<int>(type: "integer", nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    handling = table.Column<int>(type: "integer", nullable: false),
                    handled_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_finding_facts", x => new { x.round_id, x.document_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_legal_document_facts_signed_on",
                table: "legal_document_facts",
                column: "signed_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_check_facts");

            migrationBuilder.DropTable(
                name: "legal_document_facts");

            migrationBuilder.DropTable(
                name: "review_finding_facts");
        }
    }
}
