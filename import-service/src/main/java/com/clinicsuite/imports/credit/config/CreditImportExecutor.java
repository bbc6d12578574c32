package com.clinicsuite.imports.credit.config;

import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads credit imports are parsed on: a small pool of its own, so a 100,000-row workbook neither blocks the
 * event loop nor starves the request worker pool. A full queue refuses new work ({@code RejectedExecutionException}).
 */
@ApplicationScoped
@Unremovable
public class CreditImportExecutor implements Executor {

    private final ThreadPoolExecutor pool;

    public CreditImportExecutor(CreditImportConfig config) {
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(
                config.workers(),
                config.workers(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()),
                task -> {
                    Thread thread = new Thread(task, "credit-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
