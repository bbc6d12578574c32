package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.pdf.ParsedAccount;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** One of the first accounts of an uploaded report, in the fields the upload answer has always carried. */
// answered inside a JAX-RS Response, whose entity type Quarkus cannot see at build time: registered for the native
// image's Jackson
@RegisterForReflection
public record DebtorPreview(
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
        boolean isMedicalAidControl) {

    static DebtorPreview of(ParsedAccount a) {
        return new DebtorPreview(
                a.accNo(),
                a.name(),
                a.amounts().current(),
                a.amounts().d30(),
                a.amounts().d60(),
                a.amounts().d90(),
                a.amounts().d120(),
                a.amounts().d150(),
                a.amounts().d180(),
                a.amounts().balance(),
                a.email(),
                a.phone(),
                a.medicalAidControl());
    }
}
