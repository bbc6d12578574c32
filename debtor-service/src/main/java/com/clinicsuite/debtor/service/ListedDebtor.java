package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.DebtorRow;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of the debtor list: the debtor and its account's collections facts.
 *
 * @param openPromise null when the account has no open promise
 * @param language    the account's own language, null for the pharmacy's default
 */
public record ListedDebtor(
        DebtorRow debtor, OpenPromise openPromise, boolean doNotContact, String language, long notesCount) {

    public record OpenPromise(BigDecimal amount, LocalDate dueDate) {}
}
