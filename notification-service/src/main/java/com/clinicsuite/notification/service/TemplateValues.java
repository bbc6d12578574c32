package com.clinicsuite.notification.service;

import com.clinicsuite.documents.PersonNames;
import java.util.List;
import java.util.Set;

/**
 * Everything a pharmacy's template can reach: plain strings and the list of ageing buckets, already formatted.
 * The sandbox resolves these names and nothing else (no beans, no configuration, no reflection).
 */
public record TemplateValues(
        String name,
        String accNo,
        String amountDue,
        String pharmacyName,
        String pharmacyPhone,
        String bankDetails,
        List<Bucket> buckets,
        String statementFile) {

    /** The list a template may loop over. */
    public static final String BUCKETS = "buckets";

    /** Placeholders that print a value. */
    public static final Set<String> PLACEHOLDERS = Set.of(
            "name",
            "name_proper",
            "acc_no",
            "amount_due",
            "payment_reference",
            "pharmacy_name",
            "pharmacy_phone",
            "bank_details",
            "statement_file");

    /** What a bucket in {@code {#for bucket in buckets}} offers. */
    public static final Set<String> BUCKET_PROPERTIES = Set.of("label", "amount");

    public TemplateValues {
        name = orEmpty(name);
        accNo = orEmpty(accNo);
        amountDue = orEmpty(amountDue);
        pharmacyName = orEmpty(pharmacyName);
        pharmacyPhone = orEmpty(pharmacyPhone);
        bankDetails = orEmpty(bankDetails);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        statementFile = orEmpty(statementFile);
    }

    /** Values of a reminder without a statement attached. */
    public TemplateValues(
            String name,
            String accNo,
            String amountDue,
            String pharmacyName,
            String pharmacyPhone,
            String bankDetails,
            List<Bucket> buckets) {
        this(name, accNo, amountDue, pharmacyName, pharmacyPhone, bankDetails, buckets, null);
    }

    /** The value of a placeholder, or null for a name that is not one. */
    public String value(String placeholder) {
        return switch (placeholder) {
            case "name" -> name;
            case "name_proper" -> PersonNames.proper(name); // "MISS FJ DREYER" -> "Miss FJ Dreyer"
            case "acc_no", "payment_reference" -> accNo; // the account number is the payment reference
            case "amount_due" -> amountDue;
            case "pharmacy_name" -> pharmacyName;
            case "pharmacy_phone" -> pharmacyPhone;
            case "bank_details" -> bankDetails;
            // the attached statement's file name, empty without one: {#if statement_file}...{/if}
            case "statement_file" -> statementFile;
            default -> null;
        };
    }

    /** One ageing bucket as templates see it. */
    public record Bucket(String label, String amount) {

        public String value(String property) {
            return switch (property) {
                case "label" -> label;
                case "amount" -> amount;
                default -> null;
            };
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "TemplateValues[" + buckets.size() + " buckets]"; // personal data never reaches logs
    }
}
