package com.clinicsuite.imports.credit.service;

import com.clinicsuite.imports.credit.config.CreditImportConfig;
import com.clinicsuite.imports.credit.config.CreditImportExecutor;
import com.clinicsuite.imports.credit.parse.CreditSheetParser;
import com.clinicsuite.imports.credit.parse.MissingColumnsException;
import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.credit.repository.CreditImportJobError;
import com.clinicsuite.imports.credit.repository.CreditImportJobRepository;
import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException;
import com.clinicsuite.imports.service.Blocking;
import com.clinicsuite.vocabulary.ImportMode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * Accepts credit-balance uploads as import jobs and answers what became of them. The file is checked before a job
 * exists (it opens, and its header has the required columns), so an upload that can never work is refused at once;
 * everything else (reading every row, validating, publishing) happens on an import worker.
 */
@ApplicationScoped
public class CreditImportService {

    private final CreditSheetParser parser;
    private final CreditImportJobs jobs;
    private final CreditImportJobRepository repository;
    private final CreditImportRunner runner;
    private final CreditImportExecutor workers;
    private final CreditImportWatchdog watchdog;
    private final Path stagingDir;

    public CreditImportService(
            CreditSheetParser parser,
            CreditImportJobs jobs,
            CreditImportJobRepository repository,
            CreditImportRunner runner,
            CreditImportExecutor workers,
            CreditImportWatchdog watchdog,
            CreditImportConfig config) {
        this.watchdog = watchdog;
        this.parser = parser;
        this.jobs = jobs;
        this.repository = repository;
        this.runner = runner;
        this.workers = workers;
        this.stagingDir = config.stagingDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "credit-imports"));
    }

    /**
     * Creates a queued job for an upload and hands it to a worker. Blocking: call it from a worker thread.
     *
     * @param upload the uploaded file; copied, since the request's file is deleted when the request ends
     * @throws UnreadableSpreadsheetException when the file cannot be opened as a spreadsheet
     * @throws MissingColumnsException        when its header lacks a required column
     * @throws ImportQueueFullException       when too many imports are waiting
     */
    public CreditImportJob submit(Path upload, String filename, ImportMode mode, boolean dryRun, String requestedBy) {
        parser.probe(upload, filename);
        Path staged = stage(upload);
        CreditImportJob job =
                Blocking.await(() -> Panache.withTransaction(() -> jobs.create(filename, mode, dryRun, requestedBy)));
        watchdog.hold(job.id);
        try {
            workers.execute(() -> runner.run(new CreditImportRunner.Task(job.id, staged, filename, dryRun)));
        } catch (RejectedExecutionException e) {
            watchdog.release(job.id);
            String reason = "Too many imports are waiting; upload the file again in a few minutes";
            Blocking.await(() -> Panache.withTransaction(() -> jobs.fail(job.id, reason, null)));
            staged.toFile().delete();
            throw new ImportQueueFullException(reason);
        }
        return job;
    }

    @WithSession
    public Uni<CreditImportReport> find(String importId) {
        return repository
                .findById(importId)
                .chain(job -> job == null
                        ? Uni.createFrom().nullItem()
                        : repository.errorsOf(List.of(importId)).map(errors -> new CreditImportReport(job, errors)));
    }

    @WithSession
    public Uni<List<CreditImportReport>> newestFirst(int skip, int limit) {
        return repository
                .newestFirst(skip, limit)
                .chain(list -> repository
                        .errorsOf(list.stream().map(j -> j.id).toList())
                        .map(errors -> {
                            Map<String, List<CreditImportJobError>> byJob =
                                    errors.stream().collect(Collectors.groupingBy(e -> e.importId));
                            return list.stream()
                                    .map(job -> new CreditImportReport(job, byJob.getOrDefault(job.id, List.of())))
                                    .toList();
                        }));
    }

    private Path stage(Path upload) {
        try {
            Files.createDirectories(stagingDir);
            Path staged = Files.createTempFile(stagingDir, "credit-import-", ".upload");
            return Files.copy(upload, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Upload could not be staged", e);
        }
    }
}
