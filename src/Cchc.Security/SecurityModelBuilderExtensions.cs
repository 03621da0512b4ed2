using Cchc.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cchc.Security;

/// <summary>Maps the audit log and idempotency tables into a service's EF model, so its migrations create them.</summary>
public static class SecurityModelBuilderExtensions
{
    /// <summary>Table audit_entries (PK sequence, assigned by the appender; indexes by unit and time). Call from OnModelCreating.</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(e => e.Sequence).HasName("pk_audit_entries");
            b.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            b.Property(e => e.OccurredAt).HasColumnName("occurred_at").HasColumnType("timestamptz");
            b.Property(e => e.ClientId).HasColumnName("client_id").HasColumnType("text");
            b.Property(e => e.Unit).HasColumnName("unit").HasColumnType("text");
            b.Property(e => e.Operation).HasColumnName("operation").HasColumnType("text");
            b.Property(e => e.TargetId).HasColumnName("target_id").HasColumnType("text");
            b.Property(e => e.RequestId).HasColumnName("request_id").HasColumnType("text");
            b.Property(e => e.Outcome).HasColumnName("outcome").HasColumnType("text");
            b.Property(e => e.StatusCode).HasColumnName("status_code").HasColumnType("text");
            b.Property(e => e.PrevHash).HasColumnName("prev_hash").HasColumnType("text");
            b.Property(e => e.Hash).HasColumnName("hash").HasColumnType("text");
            b.HasIndex(e => new { e.Unit, e.OccurredAt }).HasDatabaseName("ix_audit_entries_unit_occurred_at");
            b.HasIndex(e => e.OccurredAt).HasDatabaseName("ix_audit_entries_occurred_at");
        });
        return modelBuilder;
    }

    /// <summary>Table idempotency_records (PK client_id + request_id). Call from OnModelCreating of a service with writes.</summary>
    public static ModelBuilder AddIdempotency(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency_records");
            b.HasKey(r => new { r.ClientId, r.RequestId }).HasName("pk_idempotency_records");
            b.Property(r => r.ClientId).HasColumnName("client_id").HasColumnType("text");
            b.Property(r => r.RequestId).HasColumnName("request_id").HasColumnType("text");
            b.Property(r => r.Operation).HasColumnName("operation").HasColumnType("text");
            b.Property(r => r.RequestHash).HasColumnName("request_hash").HasColumnType("bytea");
            b.Property(r => r.Response).HasColumnName("response").HasColumnType("bytea");
            b.Property(r => r.CreatedAt).HasColumnName("created_at").HasColumnType("timestamptz");
            b.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotency_records_created_at");
        });
        return modelBuilder;
    }

    /// <summary>
    /// In a migration, after creating audit_entries: a trigger that refuses UPDATE, DELETE and TRUNCATE, so the log is
    /// append-only for the service's own database role (a superuser can still disable it: the hash chain catches that).
    /// </summary>
    public static void CreateAuditAppendOnlyGuard(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            """
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
            """);
    }

    public static void DropAuditAppendOnlyGuard(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            """
            DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
            DROP TRIGGER IF EXISTS audit_entries_no_update_delete ON audit_entries;
            DROP FUNCTION IF EXISTS audit_entries_append_only();
            """);
    }
}
