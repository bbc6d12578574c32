package com.clinicsuite.imports.credit.parse;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a credit-balance sheet, under the heading the clinic's template uses, with the spellings people
 * really type. Headings are compared by their letters and digits only, case-insensitively and without currency
 * marks, so {@code BALANCE AMOUNT (₹)}, {@code Balance Amount(Rs)} and {@code balance amount} are one column.
 */
public enum CreditColumn {
    CLIENT_CODE("Client Code", true, "clientcode", "clientid", "clientno", "customercode", "code"),
    CLIENT_NAME("Client Name", true, "clientname", "name", "customername", "patientname"),
    PHONE_NO(
            "Phone No",
            false,
            "phoneno",
            "phone",
            "phonenumber",
            "mobile",
            "mobileno",
            "mobilenumber",
            "contactno",
            "contactnumber"),
    TREATMENT_NAME("Treatment Name", true, "treatmentname", "treatment", "service"),
    CENTER("Center", true, "center", "centre", "centername", "centrename", "branch", "clinic", "location"),
    PACKAGE_AMOUNT("Package Amount (₹)", true, "packageamount", "packagevalue", "packagecost"),
    AMOUNT_PAID(
            "Amount Paid by the client",
            true,
            "amountpaidbytheclient",
            "amountpaidbyclient",
            "amountpaid",
            "paidamount",
            "paid"),
    BALANCE_AMOUNT("Balance Amount (₹)", true, "balanceamount", "balance", "balancedue", "outstandingamount"),
    PREPAID_GIFT_CARD_BALANCE(
            "Prepaid / Gift Card Balance",
            false,
            "prepaidgiftcardbalance",
            "prepaidbalance",
            "giftcardbalance",
            "prepaid"),
    SESSIONS_PAID("Sessions Paid", true, "sessionspaid", "totalsessions", "noofsessions"),
    SESSIONS_CONSUMED("Sessions Consumed", true, "sessionsconsumed", "sessionsused", "consumedsessions"),
    BALANCE_SESSIONS("Balance Sessions", true, "balancesessions", "remainingsessions", "sessionsleft"),
    EMAIL_IDS(
            "Email ID's", false, "emailids", "emailid", "email", "emails", "emailaddress", "emailaddresses", "mailid"),
    FINAL_BUCKET("Final Bucket", false, "finalbucket", "bucket");

    private static final Map<String, CreditColumn> BY_KEY = new HashMap<>();
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Currency words that decorate amount headings: {@code Balance (Rs.)}, {@code Paid INR}. */
    private static final Set<String> CURRENCY_WORDS = Set.of("rs", "inr");

    static {
        for (CreditColumn column : values()) {
            for (String alias : column.aliases) {
                BY_KEY.put(alias, column);
            }
        }
    }

    private final String heading;
    private final boolean required;
    private final String[] aliases;

    CreditColumn(String heading, boolean required, String... aliases) {
        this.heading = heading;
        this.required = required;
        this.aliases = aliases;
    }

    /** The heading of the clinic's template, used in messages. */
    public String heading() {
        return heading;
    }

    /** A file without this column is refused as a whole. */
    public boolean required() {
        return required;
    }

    /** The column a heading names, whatever its case, spacing, punctuation or currency mark. */
    public static Optional<CreditColumn> forHeading(String heading) {
        if (heading == null || heading.isBlank()) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(heading, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        for (String word : NOT_ALNUM.split(folded)) {
            if (!CURRENCY_WORDS.contains(word)) {
                key.append(word);
            }
        }
        return Optional.ofNullable(BY_KEY.get(key.toString()));
    }
}
