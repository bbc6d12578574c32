package com.clinicsuite.events;

import com.clinicsuite.events.auth.GrantsChanged;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.events.auth.UserAccessChanged;
import com.clinicsuite.events.auth.UserDeactivated;
import com.clinicsuite.events.credit.CreditBalanceChanged;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.events.credit.VoucherSearchesLogged;
import com.clinicsuite.events.debtors.ContactPreferencesChanged;
import com.clinicsuite.events.debtors.PromiseToPayChanged;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.events.debtors.ReportMovement;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.events.imports.CreditImportAborted;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.events.notifications.OptOutRecorded;
import java.util.List;
import java.util.Optional;

/** Every event the suite publishes. docs/events.md and asyncapi.yaml are checked against this list. */
public final class EventCatalog {

    public static final EventType<PharmacyUpserted> PHARMACY_UPSERTED =
            new EventType<>("auth.pharmacy-upserted.v1", Topics.AUTH_PHARMACIES, PharmacyUpserted.class);
    public static final EventType<UserDeactivated> USER_DEACTIVATED =
            new EventType<>("auth.user-deactivated.v1", Topics.AUTH_USERS, UserDeactivated.class);
    public static final EventType<GrantsChanged> GRANTS_CHANGED =
            new EventType<>("auth.grants-changed.v1", Topics.AUTH_USERS, GrantsChanged.class);
    public static final EventType<UserAccessChanged> USER_ACCESS_CHANGED =
            new EventType<>("auth.user-access-changed.v1", Topics.AUTH_USERS, UserAccessChanged.class);

    public static final EventType<CreditBalanceChanged> CREDIT_BALANCE_CREATED =
            new EventType<>("credit.balance-created.v1", Topics.CREDIT_BALANCES, CreditBalanceChanged.class);
    public static final EventType<CreditBalanceChanged> CREDIT_BALANCE_UPDATED =
            new EventType<>("credit.balance-updated.v1", Topics.CREDIT_BALANCES, CreditBalanceChanged.class);
    public static final EventType<CreditBalanceChanged> CREDIT_BALANCE_DELETED =
            new EventType<>("credit.balance-deleted.v1", Topics.CREDIT_BALANCES, CreditBalanceChanged.class);
    /** An audit record (one per API-log batch of searches), relayed after business events (see {@link Lane}). */
    public static final EventType<VoucherSearchesLogged> VOUCHER_SEARCHES_LOGGED = new EventType<>(
            "credit.voucher-searches-logged.v1",
            Topics.CREDIT_VOUCHER_SEARCHES,
            VoucherSearchesLogged.class,
            Lane.AUDIT);

    public static final EventType<CreditImportResult> CREDIT_IMPORT_RESULT =
            new EventType<>("credit.import-result.v1", Topics.CREDIT_IMPORT_RESULTS, CreditImportResult.class);

    public static final EventType<CreditRowsChunk> CREDIT_ROWS_CHUNK =
            new EventType<>("imports.credit-rows-chunk.v1", Topics.IMPORTS_CREDIT_ROWS, CreditRowsChunk.class);
    public static final EventType<CreditImportAborted> CREDIT_IMPORT_ABORTED =
            new EventType<>("imports.credit-import-aborted.v1", Topics.IMPORTS_CREDIT_ROWS, CreditImportAborted.class);
    public static final EventType<DebtorReportChunk> DEBTOR_REPORT_CHUNK =
            new EventType<>("imports.debtor-report-chunk.v1", Topics.IMPORTS_DEBTOR_REPORTS, DebtorReportChunk.class);

    public static final EventType<ReportProcessed> REPORT_PROCESSED =
            new EventType<>("debtors.report-processed.v1", Topics.DEBTORS_REPORT_STATUS, ReportProcessed.class);
    public static final EventType<ReminderRequested> REMINDER_REQUESTED =
            new EventType<>("debtors.reminder-requested.v1", Topics.DEBTORS_REMINDERS, ReminderRequested.class);
    public static final EventType<ReportMovement> REPORT_MOVEMENT =
            new EventType<>("debtors.report-movement.v1", Topics.DEBTORS_REPORT_STATUS, ReportMovement.class);
    public static final EventType<PromiseToPayChanged> PROMISE_TO_PAY_CHANGED =
            new EventType<>("debtors.promise-to-pay-changed.v1", Topics.DEBTORS_ACCOUNTS, PromiseToPayChanged.class);
    public static final EventType<ContactPreferencesChanged> CONTACT_PREFERENCES_CHANGED = new EventType<>(
            "debtors.contact-preferences-changed.v1", Topics.DEBTORS_ACCOUNTS, ContactPreferencesChanged.class);

    public static final EventType<DeliveryStatusChanged> DELIVERY_STATUS_CHANGED = new EventType<>(
            "notifications.delivery-status-changed.v1",
            Topics.NOTIFICATIONS_DELIVERY_STATUS,
            DeliveryStatusChanged.class);
    public static final EventType<ChannelConfigured> CHANNEL_CONFIGURED = new EventType<>(
            "notifications.channel-configured.v1", Topics.NOTIFICATIONS_CHANNELS, ChannelConfigured.class);
    public static final EventType<OptOutRecorded> OPT_OUT_RECORDED =
            new EventType<>("notifications.opt-out-recorded.v1", Topics.NOTIFICATIONS_OPT_OUTS, OptOutRecorded.class);

    public static final List<EventType<?>> ALL = List.of(
            PHARMACY_UPSERTED,
            USER_DEACTIVATED,
            GRANTS_CHANGED,
            USER_ACCESS_CHANGED,
            CREDIT_BALANCE_CREATED,
            CREDIT_BALANCE_UPDATED,
            CREDIT_BALANCE_DELETED,
            VOUCHER_SEARCHES_LOGGED,
            CREDIT_IMPORT_RESULT,
            CREDIT_ROWS_CHUNK,
            CREDIT_IMPORT_ABORTED,
            DEBTOR_REPORT_CHUNK,
            REPORT_PROCESSED,
            REMINDER_REQUESTED,
            REPORT_MOVEMENT,
            PROMISE_TO_PAY_CHANGED,
            CONTACT_PREFERENCES_CHANGED,
            DELIVERY_STATUS_CHANGED,
            CHANNEL_CONFIGURED,
            OPT_OUT_RECORDED);

    /** Configuration property (env {@code EVENTS_SCHEMA_BASE_URL}) of the URL the schemas are served under. */
    public static final String SCHEMA_BASE_URL_PROPERTY = "events.schema-base-url";

    private EventCatalog() {}

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /** The events systems outside the suite may read (those on {@link Topics#PUBLIC} topics). */
    public static List<EventType<?>> publicEvents() {
        return ALL.stream().filter(EventType::isPublic).toList();
    }
}
