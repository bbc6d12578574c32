package com.clinicsuite.events;

import java.util.Set;

/**
 * Kafka topic names. Every topic is keyed by the aggregate id named beside it, so order holds per aggregate.
 * Every topic is either {@link #PUBLIC} or {@link #INTERNAL} (EventCatalogTest fails on a topic in neither):
 * the Kafka ACLs of outside consumers, docs/events.md and asyncapi.yaml are checked against these two sets.
 */
public final class Topics {
    /** Key: pharmacy id. */
    public static final String AUTH_PHARMACIES = "auth.pharmacies";
    /** Key: user id. */
    public static final String AUTH_USERS = "auth.users";
    /** Key: client code. */
    public static final String CREDIT_BALANCES = "credit.balances";
    /** Key: a random id per event (an event lists many searches; each carries its own time). */
    public static final String CREDIT_VOUCHER_SEARCHES = "credit.voucher-searches";
    /** Key: import id. */
    public static final String CREDIT_IMPORT_RESULTS = "credit.import-results";
    /** Key: import id. */
    public static final String IMPORTS_CREDIT_ROWS = "imports.credit-rows";
    /** Key: pharmacy id. */
    public static final String IMPORTS_DEBTOR_REPORTS = "imports.debtor-reports";
    /** Key: pharmacy id. */
    public static final String DEBTORS_REPORT_STATUS = "debtors.report-status";
    /** Key: pharmacy id. */
    public static final String DEBTORS_REMINDERS = "debtors.reminders";
    /** Key: pharmacy id. */
    public static final String DEBTORS_ACCOUNTS = "debtors.accounts";
    /** Key: pharmacy id. */
    public static final String NOTIFICATIONS_DELIVERY_STATUS = "notifications.delivery-status";
    /** Key: pharmacy id. */
    public static final String NOTIFICATIONS_CHANNELS = "notifications.channels";
    /** Key: pharmacy id. */
    public static final String NOTIFICATIONS_OPT_OUTS = "notifications.opt-outs";

    /**
     * Topics systems outside the suite may read (the outside-consumer KafkaUser template grants exactly these):
     * facts about pharmacies, staff accounts, credit balances, imports and reports, by id, amount and status, and
     * debtor accounts' promises to pay and contact preferences by account number (no names or contact details).
     * Personal data of a debtor or clinic client appears only where the consumer needs it to act (an opted-out
     * phone number must be honoured everywhere). Reasons per topic: docs/events.md.
     */
    public static final Set<String> PUBLIC = Set.of(
            AUTH_PHARMACIES,
            AUTH_USERS,
            CREDIT_BALANCES,
            CREDIT_VOUCHER_SEARCHES,
            CREDIT_IMPORT_RESULTS,
            DEBTORS_REPORT_STATUS,
            DEBTORS_ACCOUNTS,
            NOTIFICATIONS_CHANNELS,
            NOTIFICATIONS_OPT_OUTS);

    /**
     * Topics only the suite's own services read: report and credit-row chunks carry debtors' and clients' names,
     * phones and e-mails in bulk; reminder requests carry a debtor's name, address and balance; delivery status
     * carries the rendered reminder text (name and balance). Dead-letter topics are internal too.
     */
    public static final Set<String> INTERNAL =
            Set.of(IMPORTS_CREDIT_ROWS, IMPORTS_DEBTOR_REPORTS, DEBTORS_REMINDERS, NOTIFICATIONS_DELIVERY_STATUS);

    /** A consumer's dead letters go to the topic name plus this suffix. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Whether systems outside the suite may read {@code topic}; false for internal, dead-letter and unknown topics. */
    public static boolean isPublic(String topic) {
        return PUBLIC.contains(topic);
    }

    private Topics() {}
}
