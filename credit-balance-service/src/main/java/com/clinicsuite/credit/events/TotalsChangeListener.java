package com.clinicsuite.credit.events;

import com.clinicsuite.credit.service.TotalsCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Drops this instance's cached stats totals when any instance changed balances: every instance reads this service's
 * own credit.balances (a record created, updated or deleted) and credit.import-results (an import applied) with a
 * consumer group of its own, from the latest offset, so a change committed on replica A reaches replica B's totals
 * within the event's relay time instead of the cache's expiry. No inbox: dropping the cache twice changes nothing.
 */
@ApplicationScoped
public class TotalsChangeListener {

    private final TotalsCache totals;

    public TotalsChangeListener(TotalsCache totals) {
        this.totals = totals;
    }

    @Incoming("totals-changes")
    public CompletionStage<Void> onBalancesChanged(Message<String> message) {
        return totals.invalidate()
                .onFailure()
                .recoverWithNull()
                .subscribeAsCompletionStage()
                .thenCompose(ignored -> message.ack());
    }
}
