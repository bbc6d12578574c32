package com.clinicsuite.imports.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One problem of an import: a row (rejected, or imported without a value), or the job's failure ({@code row == null}). */
@Entity
@Table(name = "credit_import_job_error")
public class CreditImportJobError extends PanacheEntityBase {

    public static final String FOUND_IN_FILE = "file";
    public static final String FOUND_WHEN_APPLIED = "credit-balance-service";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id", nullable = false, length = 36)
    public String importId;

    @Column(length = 100)
    public String sheet;

    @Column(name = "row_no")
    public Integer rowNo;

    @Column(name = "column_name", length = 100)
    public String columnName;

    @Column(nullable = false, length = 500)
    public String message;

    /** The row was left out of the import (false: imported without the named value). */
    @Column(nullable = false)
    public boolean rejected;

    /** {@link #FOUND_IN_FILE} or {@link #FOUND_WHEN_APPLIED}. */
    @Column(nullable = false, length = 30)
    public String source;
}
