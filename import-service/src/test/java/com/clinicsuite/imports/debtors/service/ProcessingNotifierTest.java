package com.clinicsuite.imports.debtors.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.vocabulary.ReportStatus;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The in-memory hand-over from the report-status consumer to the upload request waiting for its answer. */
class ProcessingNotifierTest {

    @Test
    void anAnswerCompletesTheUploadWaitingForItsReport() {
        ProcessingNotifier notifier = new ProcessingNotifier();
        CompletableFuture<ReportProcessed> waiting = notifier.register("report-1");
        ReportProcessed answer =
                new ReportProcessed("report-1", 7, 11L, ReportStatus.COMPLETED, 3, new BigDecimal("10.00"), null);

        notifier.complete(answer);

        assertThat(waiting).isCompletedWithValue(answer);
    }

    @Test
    void anEventWithoutAReportIdWakesNobodyAndDoesNotThrow() {
        // what a debtors.report-movement.v1 read as an answer looked like: it threw on the consumer's thread and
        // stopped the channel (deploy/chaos/FINDINGS.md, finding 1)
        ProcessingNotifier notifier = new ProcessingNotifier();
        CompletableFuture<ReportProcessed> waiting = notifier.register("report-2");

        assertThatCode(() -> notifier.complete(new ReportProcessed(null, 7, null, null, 0, BigDecimal.ZERO, null)))
                .doesNotThrowAnyException();
        assertThat(waiting).isNotDone();
    }
}
