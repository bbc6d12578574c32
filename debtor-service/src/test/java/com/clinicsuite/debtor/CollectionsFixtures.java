package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.fixtures.Deb013Options;
import com.clinicsuite.testkit.fixtures.Deb013Writer;
import com.clinicsuite.vocabulary.ReportSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reports with chosen dates and amounts, sent like import-service does, for the collections tests. */
final class CollectionsFixtures {

    private CollectionsFixtures() {}

    static final BigDecimal ZERO = new BigDecimal("0.00");

    /** An ordinary account; amounts current, d30 .. d180 as strings ("0" allowed). */
    static DebtorReportChunk.Account account(String accNo, String name, String email, String phone, String... buckets) {
        BigDecimal[] b = new BigDecimal[7];
        BigDecimal balance = ZERO;
        for (int i = 0; i < 7; i++) {
            b[i] = i < buckets.length ? new BigDecimal(buckets[i]).setScale(2) : ZERO;
            balance = balance.add(b[i]);
        }
        return new DebtorReportChunk.Account(
                accNo,
                name,
                new DebtorReportChunk.Amounts(b[0], b[1], b[2], b[3], b[4], b[5], b[6], balance),
                email,
                phone,
                phone == null ? List.of() : List.of(phone),
                false,
                null,
                null,
                "30",
                null);
    }

    /** A medical-aid control account owing {@code d180}. */
    static DebtorReportChunk.Account control(String accNo, String d180) {
        BigDecimal amount = new BigDecimal(d180).setScale(2);
        return new DebtorReportChunk.Account(
                accNo,
                "MEDICAL AID CONTROL ACC",
                new DebtorReportChunk.Amounts(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, amount, amount),
                "claims@scheme.example",
                null,
                List.of(),
                true,
                null,
                null,
                null,
                null);
    }

    /**
     * Sends a report dated {@code reportDate} in chunks of 500 and waits until it completed and its follow-up
     * (snapshot, movement, promises, after-upload run claim) was done; returns debtor-service's report id.
     */
    static long report(long pharmacyId, List<DebtorReportChunk.Account> accounts, LocalDate reportDate) {
        String importId = UUID.randomUUID().toString();
        int chunkSize = 500;
        int chunkCount = Math.max(1, (accounts.size() + chunkSize - 1) / chunkSize);
        for (int i = 0; i < chunkCount; i++) {
            Fixtures.send(new DebtorReportChunk(
                    importId,
                    pharmacyId,
                    "age-analysis-" + reportDate + ".pdf",
                    "sha-" + importId,
                    ReportSource.UPLOAD,
                    4L,
                    "writer",
                    Instant.now(),
                    reportDate,
                    accounts.size(),
                    null,
                    i,
                    chunkCount,
                    accounts.subList(i * chunkSize, Math.min(accounts.size(), (i + 1) * chunkSize))));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND status = 'completed'"
                                        + " AND followed_up_at IS NOT NULL",
                                importId)
                        == 1);
        return Fixtures.count("SELECT id FROM debtor_report WHERE import_report_id = ?", importId);
    }

    /** The pharmacy's current debtor ids by account number (control accounts included). */
    static Map<String, Long> ids(long pharmacyId) {
        Map<String, Long> ids = new HashMap<>();
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("exclude_medical_aid", false)
                .queryParam("per_page", 1000)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("debtors")
                .forEach(d -> ids.put((String) d.get("acc_no"), ((Number) d.get("id")).longValue()));
        return ids;
    }

    /**
     * A month-end DEB013 age analysis from the test kit's generator (com.clinicsuite.testkit.fixtures): its ground
     * truth as import-service sends it, with accented names, e-mail and TEL lines on most accounts, credit balances
     * and its two medical-aid control accounts. Seeded: the same seed gives the same report.
     */
    static List<DebtorReportChunk.Account> monthEnd(long seed, int count) {
        return Deb013Writer.truth(
                        Deb013Options.standard().seed(seed).accounts(count).specialChars(true))
                .accounts()
                .stream()
                .map(GroundTruth::account)
                .toList();
    }

    /** The same account with new amounts (its name and contact details kept). */
    static DebtorReportChunk.Account withAmounts(DebtorReportChunk.Account a, BigDecimal... buckets) {
        String[] text = new String[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            text[i] = buckets[i].toPlainString();
        }
        return account(a.accNo(), a.name(), a.email(), a.phone(), text);
    }

    static BigDecimal[] buckets(DebtorReportChunk.Account a) {
        DebtorReportChunk.Amounts m = a.amounts();
        return new BigDecimal[] {m.current(), m.d30(), m.d60(), m.d90(), m.d120(), m.d150(), m.d180()};
    }

    static BigDecimal overdue(DebtorReportChunk.Account a) {
        DebtorReportChunk.Amounts m = a.amounts();
        return m.d60().add(m.d90()).add(m.d120()).add(m.d150()).add(m.d180());
    }
}
