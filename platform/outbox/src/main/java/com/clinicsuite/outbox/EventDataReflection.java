package com.clinicsuite.outbox;

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
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers every event's data record for reflection in a native image. {@link Outbox} and {@link Inbox} (and
 * platform-security's revocation consumer) write and read them with a plain {@code ObjectMapper} whose target type is
 * only known at run time, which Quarkus cannot see at build time as it sees REST parameters. Nested records and the
 * types of record components (an enum of another package) come along ({@code registerFullHierarchy}).
 *
 * <p>platform-events stays free of Quarkus (systems outside the suite use its records), hence this list beside the
 * catalogue: every module's {@code NativeReadinessTest} (platform-test-kit's {@code NativeReadinessContract}) fails
 * when an event of {@code EventCatalog.ALL} is missing here.
 */
@RegisterForReflection(
        registerFullHierarchy = true,
        targets = {
            PharmacyUpserted.class,
            UserDeactivated.class,
            GrantsChanged.class,
            UserAccessChanged.class,
            CreditBalanceChanged.class,
            VoucherSearchesLogged.class,
            CreditImportResult.class,
            CreditRowsChunk.class,
            CreditImportAborted.class,
            DebtorReportChunk.class,
            ReportProcessed.class,
            ReminderRequested.class,
            ReportMovement.class,
            PromiseToPayChanged.class,
            ContactPreferencesChanged.class,
            DeliveryStatusChanged.class,
            ChannelConfigured.class,
            OptOutRecorded.class
        })
public final class EventDataReflection {

    private EventDataReflection() {}
}
