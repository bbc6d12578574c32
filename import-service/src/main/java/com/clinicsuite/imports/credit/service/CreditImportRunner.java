package com.clinicsuite.imports.credit.service;

import com.clinicsuite.imports.credit.parse.CreditSheet;
import com.clinicsuite.imports.credit.parse.CreditSheetParser;
import com.clinicsuite.imports.credit.parse.MissingColumnsException;
import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException;
import com.clinicsuite.imports.service.Blocking;
import com.clinicsuite.vocabulary.ImportStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Does an import's work on an import worker thread: reads and validates the staged file (recording progress as it
 * goes, and publishing the rows meanwhile unless it is a dry run), then completes a dry run or publishes the last
 * chunk. Any failure ends the job as {@code failed} with a reason (and calls off what was published).
 */
@ApplicationScoped
public class CreditImportRunner {

    private static final Logger LOG = Logger.getLogger(CreditImportRunner.class);
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofMillis(500).toNanos();

    /** What a worker needs to run one job. */
    public record Task(String importId, Path stagedFile, String filename, boolean dryRun) {}

    private final CreditSheetParser parser;
    private final CreditImportJobs jobs;
    private final CreditRowsPublisher publisher;
    private final CreditImportWatchdog watchdog;

    public CreditImportRunner(
            CreditSheetParser parser,
            CreditImportJobs jobs,
            CreditRowsPublisher publisher,
            CreditImportWatchdog watchdog) {
        this.parser = parser;
        this.jobs = jobs;
        this.publisher = publisher;
        this.watchdog = watchdog;
    }

    public void run(Task task) {
        String id = task.importId();
        CreditSheet sheet = null;
        CreditRowsPublisher.Publication publication = null;
        try {
            CreditImportJob job = Blocking.await(() -> Panache.withTransaction(() -> jobs.markParsing(id)));
            // a real import publishes its rows while the file is read; a dry run only counts them
            publication = task.dryRun() ? null : publisher.start(job);
            sheet = parser.parse(
                    task.stagedFile(),
                    task.filename(),
                    throttledProgress(id),
                    publication != null ? publication : row -> {});
            CreditSheet read = sheet;
            if (task.dryRun()) {
                Blocking.await(
                        () -> Panache.withTransaction(() -> jobs.recordValidation(id, read, ImportStatus.COMPLETED)));
            } else if (read.rowsAccepted() == 0) {
                // never publish an empty import: in replace mode it would wipe every balance (and with no row
                // accepted, no chunk went out either)
                Blocking.await(() -> Panache.withTransaction(
                        () -> jobs.fail(id, "No valid rows to import; nothing was changed", read)));
            } else {
                publication.finish(read);
            }
            LOG.infof(
                    "Credit import %s read: %d rows, %d accepted, %d rejected%s",
                    id, read.rowsTotal(), read.rowsAccepted(), read.rowsRejected(), task.dryRun() ? " (dry run)" : "");
        } catch (UnreadableSpreadsheetException | MissingColumnsException e) {
            LOG.infof("Credit import %s refused: %s", id, e.getMessage());
            failQuietly(id, e.getMessage(), null, publication);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.errorf(e, "Credit import %s failed", id);
            failQuietly(
                    id,
                    "The import failed unexpectedly; the incident was logged (import " + id + ")",
                    sheet,
                    publication);
        } finally {
            watchdog.release(id);
            deleteQuietly(task.stagedFile());
        }
    }

    /** Writes progress at most twice a second: often enough to watch, rarely enough not to slow the read. */
    private CreditSheetParser.Progress throttledProgress(String id) {
        long[] last = {System.nanoTime()};
        return (total, accepted, rejected) -> {
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_INTERVAL_NANOS) {
                last[0] = now;
                Blocking.await(() -> Panache.withTransaction(() -> jobs.progress(id, total, accepted, rejected)));
            }
        };
    }

    /** Fails the job; if rows went out already, credit-balance-service is told to drop them (same transaction). */
    private void failQuietly(String id, String reason, CreditSheet sheet, CreditRowsPublisher.Publication publication) {
        boolean callOff = publication != null && publication.started();
        try {
            Blocking.await(() -> Panache.withTransaction(() -> jobs.fail(id, reason, sheet)
                    .call(() -> callOff
                            ? publisher.abort(id, reason)
                            : Uni.createFrom().voidItem())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Credit import %s could not be marked failed", id);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Staged upload %s could not be deleted: %s", file, e.getMessage());
        }
    }
}
