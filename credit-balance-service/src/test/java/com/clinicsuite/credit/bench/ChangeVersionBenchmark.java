package com.clinicsuite.credit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.credit.repository.CreditBalanceRepository;
import com.clinicsuite.credit.repository.CreditBalanceRepository.Scope;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.sun.management.OperatingSystemMXBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The list's change-version read (issue 23.2), the way it is read now (a prepared statement of the reactive SQL
 * client) against the way it was (a Hibernate Reactive native query, in one session, as a request's), one call after
 * the other: wall time and this JVM's CPU time per call (PostgreSQL's not included), each after a warm-up of
 * {@code bench.warmup} calls. The native query's cost grows with the entries it adds to Hibernate's plan cache (one per
 * call, up to the cache's 2,048), so the warm-up is larger than that.
 * <p>
 * Prints figures; not part of the build (the class name does not match Surefire's includes): {@code ./mvnw -o -pl
 * credit-balance-service verify -Dtest=ChangeVersionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ChangeVersionBenchmark {

    private static final int CALLS = Integer.getInteger("bench.calls", 20_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 5_000);
    private static final List<String> SCOPES = Arrays.asList(null, "GK2", "Punjabi Bagh", "Preet Vihar", "Pitampura");

    @Inject
    CreditBalanceRepository repository;

    @Test
    void changeVersionByTheSqlClientAndByAHibernateNativeQuery() throws Throwable {
        for (String scope : SCOPES) {
            assertThat(once(repository::changeVersion, scope))
                    .isEqualTo(once(ChangeVersionBenchmark::nativeQuery, scope));
        }
        for (int round = 1; round <= 2; round++) {
            measure("round " + round + ", reactive SQL client (now)", repository::changeVersion);
            measure("round " + round + ", Hibernate native query (before)", ChangeVersionBenchmark::nativeQuery);
        }
    }

    private static Scope once(Function<String, Uni<Scope>> read, String scope) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> read.apply(scope)));
    }

    private static void measure(String what, Function<String, Uni<Scope>> read) throws Throwable {
        loop(read, WARMUP);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        loop(read, CALLS);
        double wallMicros = (System.nanoTime() - start) / 1_000.0 / CALLS;
        double cpuMicros = (os.getProcessCpuTime() - cpu) / 1_000.0 / CALLS;
        System.out.printf(
                "[bench] change version, %s: %,d calls, %.0f us a call (wall), %.0f us of JVM CPU a call, load %.1f%n",
                what, CALLS, wallMicros, cpuMicros, os.getSystemLoadAverage());
    }

    /** {@code calls} reads one after the other, in one session (as the statements of one request). */
    private static void loop(Function<String, Uni<Scope>> read, int calls) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Multi.createFrom()
                .range(0, calls)
                .onItem()
                .transformToUniAndConcatenate(i -> read.apply(SCOPES.get(i % SCOPES.size())))
                .collect()
                .last()));
    }

    /** The read as it was before (CreditBalanceRepository.changeVersion until issue 23.2). */
    private static Uni<Scope> nativeQuery(String center) {
        String sql = "select coalesce(sum(version), 0), coalesce(sum(records), 0) from credit_center_totals"
                + (center == null ? "" : " where center = :center");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            if (center != null) {
                query.setParameter("center", center);
            }
            return query.getSingleResult()
                    .map(row -> new Scope(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        });
    }
}
