package com.clinicsuite.debtor;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.fixtures.Deb013Account;
import com.clinicsuite.testkit.fixtures.Deb013Options;
import com.clinicsuite.testkit.fixtures.Deb013Report;
import com.clinicsuite.testkit.fixtures.Deb013Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A DEB013 report's ground truth (made by the test kit's generator, see com.clinicsuite.testkit.fixtures), as the
 * accounts import-service sends after reading it.
 */
record GroundTruth(String pharmacyName, LocalDate reportDate, List<DebtorReportChunk.Account> accounts) {

    /** {@code winterton_small}, {@code tlc_medium} or {@code split_page_break}: the test kit's presets. */
    static GroundTruth load(String name) {
        Supplier<Deb013Options> preset = switch (name) {
            case "winterton_small" -> Deb013Options::small;
            case "tlc_medium" -> Deb013Options::medium;
            case "split_page_break" -> Deb013Options::splitPageBreak;
            default -> throw new IllegalArgumentException("no DEB013 fixture " + name);
        };
        Deb013Report report = Deb013Writer.truth(preset.get());
        return new GroundTruth(
                report.pharmacyName(),
                report.reportDate(),
                report.accounts().stream().map(GroundTruth::account).toList());
    }

    /** One account of the test kit's ground truth as import-service sends it. */
    static DebtorReportChunk.Account account(Deb013Account a) {
        com.clinicsuite.testkit.fixtures.AgeingAmounts m = a.amounts();
        return new DebtorReportChunk.Account(
                a.accNo(),
                a.name(),
                new DebtorReportChunk.Amounts(
                        m.current(), m.d30(), m.d60(), m.d90(), m.d120(), m.d150(), m.d180(), m.balance()),
                a.email(),
                a.phone(),
                a.phone() == null ? List.of() : List.of(a.phone()),
                a.medicalAidControl(),
                a.lastPaymentDate(),
                a.lastPaymentAmount(),
                a.terms(),
                a.creditLimit());
    }

    /** Ordinary accounts (what statistics and the default list count). */
    List<DebtorReportChunk.Account> ordinary() {
        return accounts.stream().filter(a -> !a.isMedicalAidControl()).toList();
    }

    static BigDecimal arrears(DebtorReportChunk.Account a) {
        DebtorReportChunk.Amounts m = a.amounts();
        return m.d60().add(m.d90()).add(m.d120()).add(m.d150()).add(m.d180());
    }
}
