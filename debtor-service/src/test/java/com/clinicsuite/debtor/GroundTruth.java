package com.clinicsuite.debtor;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A DEB013 ground-truth file from the shared test data, as the accounts import-service would send. */
record GroundTruth(String pharmacyName, LocalDate reportDate, List<DebtorReportChunk.Account> accounts) {

    static GroundTruth load(String name) {
        Path file = Path.of(System.getProperty("testdata.dir"), "deb013", name + ".json");
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<DebtorReportChunk.Account> accounts = new ArrayList<>();
            for (JsonNode a : root.get("accounts")) {
                accounts.add(new DebtorReportChunk.Account(
                        a.get("acc_no").asText(),
                        a.get("name").asText(),
                        new DebtorReportChunk.Amounts(
                                money(a, "current"),
                                money(a, "d30"),
                                money(a, "d60"),
                                money(a, "d90"),
                                money(a, "d120"),
                                money(a, "d150"),
                                money(a, "d180"),
                                money(a, "balance")),
                        text(a, "email"),
                        text(a, "phone"),
                        text(a, "phone") == null ? List.of() : List.of(text(a, "phone")),
                        a.get("is_medical_aid_control").asBoolean(),
                        text(a, "last_payment_date") == null ? null : LocalDate.parse(text(a, "last_payment_date")),
                        money(a, "last_payment_amount"),
                        text(a, "terms"),
                        money(a, "credit_limit")));
            }
            return new GroundTruth(
                    root.get("pharmacy_name").asText(),
                    LocalDate.parse(root.get("report_date").asText()),
                    accounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal money(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : new BigDecimal(text);
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
