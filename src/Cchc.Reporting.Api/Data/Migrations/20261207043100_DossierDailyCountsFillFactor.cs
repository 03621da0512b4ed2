using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <summary>
    /// Leaves half of every page of dossier_daily_counts free (docs/adr/0049): each batch of dossier events updates a
    /// thousand of its few thousand rows, and with full pages most updates could not stay on their page (a HOT update),
    /// so each also added an entry to the primary key and bloated it. The table is small (one row per day, level and
    /// status), so doubling its pages costs nothing. Existing pages keep their layout until rewritten. Not part of the EF
    /// model (a storage setting), so the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(ReportingDbContext))]
    [Migration("20261207043100_DossierDailyCountsFillFactor")]
    public partial class DossierDailyCountsFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("ALTER TABLE dossier_daily_counts SET (fillfactor = 50)");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("ALTER TABLE dossier_daily_counts RESET (fillfactor)");
    }
}
