package com.clinicsuite.events;

/** Kafka topic names. Every topic is keyed by the aggregate id named beside it, so order holds per aggregate. */
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
    public static final String NOTIFICATIONS_DELIVERY_STATUS = "notifications.delivery-status";
    /** Key: pharmacy id. */
    public static final String NOTIFICATIONS_CHANNELS = "notifications.channels";
    /** Key: pharmacy id. */
    public static final String NOTIFICATIONS_OPT_OUTS = "notifications.opt-outs";

    /** A consumer's dead letters go to the topic name plus this suffix. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {}
}
