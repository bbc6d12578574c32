package com.clinicsuite.credit.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row every import's apply transaction locks first (issue 18.6, one writer per data set): imports are
 * applied one after the other across threads and replicas, so two replace-imports never interleave their DELETE and
 * INSERT.
 */
@Entity
@Table(name = "credit_import_apply_lock")
public class CreditImportApplyLock {

    /** The one row's id. */
    public static final int ID = 1;

    @Id
    public Integer id;
}
