using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Procedures.Api.Data.Migrations
{
    /// <summary>
    /// Compresses the outbox's payloads with lz4 instead of PostgreSQL's default pglz (docs/adr/0050): a bulk import writes
    /// one ~300 KB event per 1,000 dossiers, and pglz compressing them was a large share of the import's database time.
    /// Only new values are written with lz4 (old ones stay readable). A server built without lz4 keeps pglz. Not part of
    /// the EF model (a storage setting), so the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(ProceduresDbContext))]
    [Migration("20261207043000_OutboxPayloadLz4")]
    public partial class OutboxPayloadLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            DO $$
            BEGIN
                ALTER TABLE outbox_messages ALTER COLUMN payload SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'lz4 is not available on this server: outbox payloads stay compressed with pglz';
            END
            $$
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("ALTER TABLE outbox_messages ALTER COLUMN payload SET COMPRESSION default");
    }
}
