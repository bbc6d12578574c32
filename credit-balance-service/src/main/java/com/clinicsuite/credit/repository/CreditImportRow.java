package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
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
public class CreditImportRow extends PanacheEntityBase {

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

    @Column(name = "client_code", nullable = false, length = 50)
    public String clientCode;

    @Column(name = "client_name", nullable = false, length = 200)
    public String clientName;

    @Column(name = "phone_no", length = 20)
    public String phoneNo;

    @Column(name = "email_id", length = 500)
    public String emailId;

    @Column(name = "treatment_name", nullable = false, length = 200)
    public String treatmentName;

    @Column(name = "package_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal packageAmount;

    @Column(name = "amount_paid", nullable = false, precision = 15, scale = 2)
    public BigDecimal amountPaid;

    @Column(name = "balance_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal balanceAmount;

    @Column(name = "prepaid_gift_card_balance", nullable = false, precision = 15, scale = 2)
    public BigDecimal prepaidGiftCardBalance;

    @Column(nullable = false, length = 30)
    public String center;

    @Column(name = "final_bucket", length = 100)
    public String finalBucket;

    @Column(name = "sessions_paid", nullable = false)
    public int sessionsPaid;

    @Column(name = "sessions_consumed", nullable = false)
    public int sessionsConsumed;

    @Column(name = "balance_sessions", nullable = false)
    public int balanceSessions;

    @Column(name = "voucher_number", length = 20)
    public String voucherNumber;

    /** The composite key: import id and seq. */
    public static class Key implements Serializable {
        public String importId;
        public long seq;

        public Key() {
        }

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
