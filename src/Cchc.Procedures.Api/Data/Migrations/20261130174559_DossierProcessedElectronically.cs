using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Procedures.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierProcessedElectronically : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "processed_electronically",
                table: "dossiers",
                type: "boolean",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "processed_electronically",
                table: "dossiers");
        }
    }
}
