package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.EventType;
import com.clinicsuite.events.credit.CreditBalanceChanged;
import com.clinicsuite.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes credit.balance-created/updated/deleted to the outbox, keyed by client code, in the caller's transaction. */
@ApplicationScoped
public class CreditBalanceEvents {

    private final Outbox outbox;

    public CreditBalanceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(CreditBalance record, String changedBy) {
        return publish(EventCatalog.CREDIT_BALANCE_CREATED, record, changedBy);
    }

    public Uni<Void> updated(CreditBalance record, String changedBy) {
        return publish(EventCatalog.CREDIT_BALANCE_UPDATED, record, changedBy);
    }

    public Uni<Void> deleted(CreditBalance record, String changedBy) {
        return publish(EventCatalog.CREDIT_BALANCE_DELETED, record, changedBy);
    }

    private Uni<Void> publish(EventType<CreditBalanceChanged> type, CreditBalance r, String changedBy) {
        // names, phones and e-mails stay out of events: consumers key on client code and voucher
        CreditBalanceChanged data = new CreditBalanceChanged(
                r.id,
                r.clientCode,
                r.treatmentName,
                r.center,
                r.packageAmount,
                r.amountPaid,
                r.balanceAmount,
                r.prepaidGiftCardBalance,
                r.sessionsPaid,
                r.sessionsConsumed,
                r.balanceSessions,
                r.voucherNumber,
                changedBy);
        return outbox.publish(type, r.clientCode, data).replaceWithVoid();
    }
}
