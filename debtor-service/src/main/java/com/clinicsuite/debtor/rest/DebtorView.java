package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.DebtorRow;
import com.clinicsuite.debtor.service.ListedDebtor;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A debtor as the contract shows it (plus last payment, terms and credit limit from the report), with its account's
 * collections facts: {@code open_promise} ({@code {amount, due_date}} or null), {@code do_not_contact},
 * {@code language} (the account's own, null for the pharmacy's default) and {@code notes_count}.
 */
public record DebtorView(
        long id,
        long pharmacyId,
        long reportId,
        String accNo,
        String name,
        BigDecimal current,
        BigDecimal d30,
        BigDecimal d60,
        BigDecimal d90,
        BigDecimal d120,
        BigDecimal d150,
        BigDecimal d180,
        BigDecimal balance,
        String email,
        String phone,
        @JsonProperty("is_medical_aid_control") boolean isMedicalAidControl,
        LocalDate lastPaymentDate,
        BigDecimal lastPaymentAmount,
        String terms,
        BigDecimal creditLimit,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        ListedDebtor.OpenPromise openPromise,
        boolean doNotContact,
        String language,
        long notesCount) {

    static DebtorView of(ListedDebtor listed) {
        DebtorRow d = listed.debtor();
        return new DebtorView(
                d.id(),
                d.pharmacyId(),
                d.reportId(),
                d.accNo(),
                d.name(),
                d.current(),
                d.d30(),
                d.d60(),
                d.d90(),
                d.d120(),
                d.d150(),
                d.d180(),
                d.balance(),
                d.email(),
                d.phone(),
                d.medicalAidControl(),
                d.lastPaymentDate(),
                d.lastPaymentAmount(),
                d.terms(),
                d.creditLimit(),
                d.createdAt(),
                d.updatedAt(),
                listed.openPromise(),
                listed.doNotContact(),
                listed.language(),
                listed.notesCount());
    }
}
