using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Reporting.Api.Data.Migrations
{
    /// <summary>
    /// The read model's revision (Data/ReadModelRevision.cs, docs/adr/0044): its counter slots, and on every fact table a
    /// statement trigger that moves it in the writing transaction. Not part of the EF model (nothing maps it), so the model
    /// snapshot does not change.
    /// </summary>
    [DbContext(typeof(ReportingDbContext))]
    [Migration("20261207004500_ReadModelRevisionTriggers")]
    public partial class ReadModelRevisionTriggers : Migration
    {
        // As they are at this migration (a later fact table gets its trigger in its own migration).
        private static readonly string[] FactTables =
        [
            "autonomy_status_facts", "autonomy_unit_facts", "budget_figure_facts", "correction_facts", "document_check_facts",
            "dossier_daily_counts", "dossier_facts", "egov_capability_facts", "egov_metric_facts", "feedback_facts",
            "legal_document_facts", "obligation_facts", "procedure_versions", "programme_record_facts", "review_finding_facts",
            "staffing_facts", "submitted_value_facts", "unit_period_facts", "unit_revisions", "unreported_breakdown_facts",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE read_model_revisions (slot integer PRIMARY KEY, value bigint NOT NULL)");
            migrationBuilder.Sql("""
                CREATE FUNCTION read_model_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- The slot of the writer's connection (ReadModelRevision.Slots = 1024): concurrent writers seldom share a row.
                    INSERT INTO read_model_revisions AS r (slot, value) VALUES (pg_backend_pid() % 1024, 1)
                    ON CONFLICT (slot) DO UPDATE SET value = r.value + 1;
                    RETURN NULL;
                END
                $$
                """);
            foreach (var table in FactTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER read_model_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION read_model_changed()
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in FactTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER read_model_changed ON {table}");
            }
            migrationBuilder.Sql("DROP FUNCTION read_model_changed()");
            migrationBuilder.Sql("DROP TABLE read_model_revisions");
        }
    }
}
