package com.clinicsuite.credit.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of a staged import, validated and normalised when its chunk arrived (canonical center, amounts at scale
 * 2, upper-case client code, voucher computed): exactly the values it gives a {@link CreditBalance}. The key is
 * assigned ({@link #seq} orders the rows of an import), so a chunk's rows are written as one JDBC-style batch
 * (hibernate batch size) instead of a round trip each; a replace copies them with one INSERT ... SELECT.
 */
@Entity
@Table(name = "credit_import_row")
@IdClass(CreditImportRow.Key.class)
public class CreditImportRow extends CreditBalanceValues {

    /** Rows a chunk may hold: {@link #seq} is {@code chunk index * CHUNK_SPAN + position in the chunk}. */
    public static final long CHUNK_SPAN = 1_000_000L;

    @Id
    @Column(name = "import_id", nullable = false, length = 64)
    public String importId;

    /** The row's place in its import: chunk index * {@link #CHUNK_SPAN} + its position in the chunk. */
    @Id
    @Column(nullable = false)
    public long seq;

    /** The 1-based row of the sheet it came from. */
    @Column(name = "source_row", nullable = false)
    public int sourceRow;

    /** The composite key: import id and seq. */
    public static class Key implements Serializable {
        public String importId;
        public long seq;

        public Key() {}

        public Key(String importId, long seq) {
            this.importId = importId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.seq == seq && Objects.equals(k.importId, importId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(importId, seq);
        }
    }
}
