package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.imports.debtors.DebtorUploads.Answered;
import com.clinicsuite.imports.debtors.DebtorUploads.Pending;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.vocabulary.ReportStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * deploy/chaos/FINDINGS.md, finding 2 (issue 18.8, replicas): debtor-service's answer about a report is recorded by the
 * instance of the shared consumer group that owns the pharmacy's partition, while the upload may be waiting on
 * another instance. That instance's own {@code ReportStatusWaker} (a consumer group per instance) wakes it, and it
 * answers the status recorded in the database, well before its wait ({@code import.debtors.apply-wait}, 12 s here).
 *
 * <p>"The other replica" is played by the test: it commits what that replica's report-status consumer commits, the
 * upload's final status and the event's inbox row, then publishes the event. This instance's shared consumer then
 * finds the event processed already and wakes nobody, as on the stack, where it never sees it. Without the waker the
 * upload answers after its full 12 s.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReplicaWakeTest {

    private static final Logger LOG = Logger.getLogger(ReplicaWakeTest.class);
    /** The shared group's consumer, as its inbox rows name it. */
    private static final String STATUS_CONSUMER = "import-service.debtor-report-status";
    /** Far below the 12 s an upload waits without being woken (import.debtors.apply-wait of the tests). */
    private static final Duration WELL_BEFORE_THE_WAIT = Duration.ofSeconds(5);

    @Inject
    MeterRegistry registry;

    /**
     * The waker's group is new and reads from the latest offset: answers about nobody's report are sent until it has
     * joined and read one.
     */
    @BeforeEach
    void wakerHasJoined() {
        double before = wakeups("woken") + wakeups("none_waiting");
        try (EventPublisher publisher = new EventPublisher()) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        publisher.send(EventCatalog.REPORT_PROCESSED, "7400", nobodysReport());
                        return wakeups("woken") + wakeups("none_waiting") > before;
                    });
        }
    }

    @Test
    void anUploadWaitingHereIsAnsweredAtOnceWhenAnotherReplicaRecordedTheAnswer() throws Exception {
        long pharmacy = 7401;
        pharmacyExists(pharmacy);
        Pending upload = DebtorUploads.startAsWriter(pharmacy, "deb013/winterton_small.pdf");
        ReportProcessed answer = new ReportProcessed(
                upload.reportId(), pharmacy, 4401L, ReportStatus.COMPLETED, 24, new BigDecimal("29509.89"), null);
        String eventId = UUID.randomUUID().toString();

        otherReplicaRecorded(answer, eventId);
        long published = System.nanoTime();
        upload.publish(answer, eventId);

        Answered answered = upload.answered(Duration.ofSeconds(20));
        answered.response()
                .then()
                .statusCode(200)
                .body("report_id", equalTo(4401))
                .body("total_accounts", equalTo(24))
                .body("total_outstanding", equalTo(29509.89f));
        LOG.infof(
                "Woken by the waker: answered %d ms after the answer was published",
                answered.after(published).toMillis());
        assertThat(answered.after(published))
                .as("answered when the answer was published, not at the end of the 12 s wait")
                .isLessThan(WELL_BEFORE_THE_WAIT);
        assertThat(wakeups("woken")).isPositive();
    }

    /**
     * The waker may read the answer before the recording transaction (here or on another replica) committed: the
     * upload does not answer the stale {@code processing} (202) then, but reads again until the status is final.
     */
    @Test
    void aWakeAheadOfTheRecordingCommitAnswersTheFinalStatusOnceItIsCommitted() throws Exception {
        long pharmacy = 7402;
        pharmacyExists(pharmacy);
        Pending upload = DebtorUploads.startAsWriter(pharmacy, "deb013/winterton_small.pdf");
        String newer = "5b0c2a34-1d1e-4c3b-9f00-7402aaaabbbb";
        String reason = "Not applied: the pharmacy's debtors already come from a newer report.";
        ReportProcessed answer = DebtorUploads.superseded(upload.reportId(), pharmacy, 4402L, reason, newer);
        String eventId = UUID.randomUUID().toString();

        // the other replica has read the event, its transaction is not committed yet
        inboxRow(eventId);
        double woken = wakeups("woken");
        upload.publish(answer, eventId);
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeups("woken") > woken);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> !upload.isAnswered()); // woken, the status still processing: no answer yet

        long committed = System.nanoTime();
        recordStatus(answer);
        Answered answered = upload.answered(Duration.ofSeconds(20));
        DebtorUploads.assertSuperseded(answered.response(), newer, reason);
        LOG.infof(
                "Woken ahead of the commit: answered %d ms after the commit",
                answered.after(committed).toMillis());
        assertThat(answered.after(committed))
                .as("read again soon after the commit (import.debtors.apply-wait-recheck, 100 ms), not at the end of"
                        + " the 12 s wait")
                .isLessThan(WELL_BEFORE_THE_WAIT);
    }

    /** Only debtors.report-processed.v1 wakes: the topic's report movements are skipped, whatever they hold. */
    @Test
    void aReportMovementWakesNobody() throws Exception {
        long pharmacy = 7403;
        pharmacyExists(pharmacy);
        Pending upload = DebtorUploads.startAsWriter(pharmacy, "deb013/winterton_small.pdf");
        String reportId = upload.reportId();
        double woken = wakeups("woken");
        double read = wakeups("woken") + wakeups("none_waiting");
        try (EventPublisher publisher = new EventPublisher()) {
            // a movement naming the waiting report (it never does; this one would wake it, were it read as an answer),
            // then an answer about nobody's report, after it on the same partition (same key)
            publisher.sendRaw(
                    Topics.DEBTORS_REPORT_STATUS,
                    EventCatalog.REPORT_MOVEMENT.type(),
                    Long.toString(pharmacy),
                    "{\"report_id\":\"" + reportId + "\",\"pharmacy_id\":" + pharmacy + "}",
                    UUID.randomUUID().toString());
            publisher.send(EventCatalog.REPORT_PROCESSED, Long.toString(pharmacy), nobodysReport());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeups("woken") + wakeups("none_waiting") > read);
        assertThat(wakeups("woken"))
                .as("the movement, read before the answer, woke nobody")
                .isEqualTo(woken);
        assertThat(upload.isAnswered()).isFalse();

        // the upload goes on waiting, and is answered as usual
        upload.answerWith(new ReportProcessed(
                reportId, pharmacy, 4403L, ReportStatus.COMPLETED, 24, new BigDecimal("29509.89"), null));
        upload.response().then().statusCode(200).body("report_id", equalTo(4403));
        assertThat(DebtorUploads.statusOf(reportId)).isEqualTo("completed");
    }

    private static ReportProcessed nobodysReport() {
        return new ReportProcessed(
                UUID.randomUUID().toString(), 7400, null, ReportStatus.FAILED, 0, BigDecimal.ZERO, "nobody waits");
    }

    /** What the other replica's report-status consumer commits in one transaction: the status and the inbox row. */
    private static void otherReplicaRecorded(ReportProcessed answer, String eventId) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.setAutoCommit(false);
            insertInboxRow(c, eventId);
            updateStatus(c, answer);
            c.commit();
        }
    }

    private static void inboxRow(String eventId) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            insertInboxRow(c, eventId);
        }
    }

    private static void recordStatus(ReportProcessed answer) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            updateStatus(c, answer);
        }
    }

    private static void insertInboxRow(Connection c, String eventId) throws Exception {
        try (PreparedStatement s =
                c.prepareStatement("insert into inbox_event (consumer, event_id, processed_at) values (?, ?, now())")) {
            s.setString(1, STATUS_CONSUMER);
            s.setString(2, eventId);
            s.executeUpdate();
        }
    }

    /** As ReportStatusService records an answer. */
    private static void updateStatus(Connection c, ReportProcessed answer) throws Exception {
        boolean completed = answer.status() == ReportStatus.COMPLETED;
        try (PreparedStatement s = c.prepareStatement("update debtor_report_upload set status = ?,"
                + " debtor_report_id = ?, total_accounts = ?, total_outstanding = ?, error = ?, superseded_by = ?,"
                + " finished_at = now() where id = ? and status = 'processing'")) {
            s.setString(1, completed ? "completed" : "failed");
            s.setObject(2, answer.debtorReportId());
            s.setInt(3, answer.totalAccounts());
            s.setBigDecimal(4, answer.totalOutstanding());
            s.setString(5, completed ? null : answer.error());
            s.setString(6, completed ? null : answer.supersededBy());
            s.setString(7, answer.reportId());
            assertThat(s.executeUpdate()).as("the upload was processing").isEqualTo(1);
        }
    }

    private double wakeups(String outcome) {
        Counter counter =
                registry.find("debtor_report_wakeups").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
