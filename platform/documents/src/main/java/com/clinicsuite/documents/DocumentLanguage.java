package com.clinicsuite.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The languages documents and messages are written in, with every word statements print and how each writes Rand
 * amounts ({@link #rand}: {@code R 1 234.56} in English, {@code R 1 234,56} in Afrikaans): the one rule statements
 * and notification-service's reminders share. English is the default: a language the suite does not know prints
 * English.
 */
public enum DocumentLanguage {
    EN(
            "en",
            Locale.forLanguageTag("en-ZA"),
            '.',
            "Statement of account",
            "Account number",
            "E-mail",
            "Phone",
            "Balances as at",
            "Printed",
            "Age analysis",
            "Current",
            "%d days",
            "Balance",
            "Amount due",
            "Overdue (60 days and older)",
            "Please pay into",
            "Payment reference",
            "Please quote the payment reference with every payment.",
            "Ask us for our bank details.",
            "Questions about this statement? Call us on %s.",
            "If you have paid since the date above, thank you.",
            "In credit",
            "Tel",
            "Page %d of %d"),
    AF(
            "af",
            Locale.forLanguageTag("af-ZA"),
            ',',
            "Rekeningstaat",
            "Rekeningnommer",
            "E-pos",
            "Telefoon",
            "Saldo's soos op",
            "Gedruk",
            "Ouderdomsontleding",
            "Huidig",
            "%d dae",
            "Saldo",
            "Bedrag verskuldig",
            "Agterstallig (60 dae en ouer)",
            "Betaal asseblief in",
            "Betalingsverwysing",
            "Gebruik asseblief die betalingsverwysing by elke betaling.",
            "Vra ons vir ons bankbesonderhede.",
            "Navrae oor hierdie staat? Skakel ons by %s.",
            "As u sedert bogenoemde datum betaal het, baie dankie.",
            "In krediet",
            "Tel",
            "Bladsy %d van %d");

    public final String code;
    private final char decimalSeparator;
    public final String title;
    public final String accountNumber;
    public final String email;
    public final String phone;
    public final String balancesAt;
    public final String printed;
    public final String ageAnalysis;
    public final String current;
    private final String days;
    public final String balance;
    public final String amountDue;
    public final String overdue;
    public final String payInto;
    public final String paymentReference;
    public final String quoteReference;
    public final String noBankDetails;
    private final String questions;
    public final String alreadyPaid;
    public final String inCredit;
    public final String tel;
    private final String page;
    private final DateTimeFormatter dates;

    DocumentLanguage(
            String code,
            Locale locale,
            char decimalSeparator,
            String title,
            String accountNumber,
            String email,
            String phone,
            String balancesAt,
            String printed,
            String ageAnalysis,
            String current,
            String days,
            String balance,
            String amountDue,
            String overdue,
            String payInto,
            String paymentReference,
            String quoteReference,
            String noBankDetails,
            String questions,
            String alreadyPaid,
            String inCredit,
            String tel,
            String page) {
        this.code = code;
        this.decimalSeparator = decimalSeparator;
        this.title = title;
        this.accountNumber = accountNumber;
        this.email = email;
        this.phone = phone;
        this.balancesAt = balancesAt;
        this.printed = printed;
        this.ageAnalysis = ageAnalysis;
        this.current = current;
        this.days = days;
        this.balance = balance;
        this.amountDue = amountDue;
        this.overdue = overdue;
        this.payInto = payInto;
        this.paymentReference = paymentReference;
        this.quoteReference = quoteReference;
        this.noBankDetails = noBankDetails;
        this.questions = questions;
        this.alreadyPaid = alreadyPaid;
        this.inCredit = inCredit;
        this.tel = tel;
        this.page = page;
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    }

    /** The language of a code ({@code en}, {@code af}, any case); null or unknown: English. */
    public static DocumentLanguage of(String code) {
        return code != null && code.strip().equalsIgnoreCase("af") ? AF : EN;
    }

    /** Whether {@code code} names a language documents are printed in. */
    public static boolean isKnown(String code) {
        return code != null && (code.equalsIgnoreCase("en") || code.equalsIgnoreCase("af"));
    }

    /**
     * A Rand amount as this language writes it: space thousands separator in both, decimal point in English
     * ({@code R 1 234.56}), decimal comma in Afrikaans ({@code R 1 234,56}); negatives {@code -R 1 234,56}.
     */
    public String rand(BigDecimal amount) {
        return RandFormat.format(amount, decimalSeparator);
    }

    public String days(int days) {
        return String.format(Locale.ROOT, this.days, days);
    }

    public String questions(String phone) {
        return String.format(Locale.ROOT, questions, phone);
    }

    public String page(int page, int pages) {
        return String.format(Locale.ROOT, this.page, page, pages);
    }

    /** "30 November 2026"; Afrikaans: "30 November 2026", "7 Desember 2026". */
    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }
}
