package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.MovementSummary;
import com.clinicsuite.events.debtors.ReportMovement;

/** The stored movement summary in the shape the event carries. */
final class MovementSummaries {

    private MovementSummaries() {}

    static ReportMovement.Summary event(MovementSummary s) {
        return new ReportMovement.Summary(
                new ReportMovement.CountAndBalance(s.newCount, s.newBalance),
                new ReportMovement.CountAndBalance(s.clearedCount, s.clearedBalance),
                new ReportMovement.CountAndAmount(s.paidDownCount, s.paidDownAmount),
                new ReportMovement.CountAndAmount(s.increasedCount, s.increasedAmount),
                new ReportMovement.CountAndAmount(s.agedCount, s.agedAmount),
                new ReportMovement.Count(s.unchangedCount),
                s.outstandingBefore,
                s.outstandingAfter);
    }
}
