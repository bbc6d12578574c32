import com.clinicsuite.imports.debtors.pdf.DebtorReportReader;
import com.clinicsuite.imports.debtors.pdf.MedicalAidControlDetector;
import com.clinicsuite.imports.debtors.pdf.ParsedReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Full parse (PDF text, accounts, reconciliation) of each file given: warm-up runs, then timed runs; prints
 * pages/s and accounts/s by wall clock and by CPU time (the machine may be shared), and the heap used.
 * Run with bench/debtor-report-bench.sh (which sets -Xmx128m).
 */
public final class DebtorReportBench {

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("warmup", 5);
        int runs = Integer.getInteger("runs", 5);
        DebtorReportReader reader = new DebtorReportReader(MedicalAidControlDetector.withDefaults());
        System.out.printf(
                "max heap %d MB, %d warm-up + %d timed runs per file%n",
                Runtime.getRuntime().maxMemory() >> 20, warmup, runs);
        for (String file : args) {
            byte[] pdf = Files.readAllBytes(Path.of(file));
            ParsedReport report = null;
            for (int i = 0; i < warmup; i++) {
                report = reader.read(pdf);
            }
            report = null;
            resetPeaks();
            long best = Long.MAX_VALUE;
            long total = 0;
            long cpu = 0;
            for (int i = 0; i < runs; i++) {
                report = null;
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                report = reader.read(pdf);
                long elapsed = System.nanoTime() - start;
                cpu += THREADS.getCurrentThreadCpuTime() - cpuStart;
                best = Math.min(best, elapsed);
                total += elapsed;
            }
            double meanSeconds = total / 1e9 / runs;
            double cpuSeconds = cpu / 1e9 / runs;
            System.gc();
            long liveMb =
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            System.out.printf(
                    "%s: %d KB, %d pages, %d accounts%n"
                            + "  wall: mean %.0f ms, best %.0f ms -> %.0f pages/s (best %.0f pages/s)%n"
                            + "  cpu:  mean %.0f ms -> %.0f pages/s, %.0f accounts/s (one core, load-independent)%n"
                            + "  heap: old-generation peak %d MB, live after parse with the report held %d MB%n",
                    Path.of(file).getFileName(),
                    pdf.length >> 10,
                    report.pageCount(),
                    report.accounts().size(),
                    meanSeconds * 1000,
                    best / 1e6,
                    report.pageCount() / meanSeconds,
                    report.pageCount() / (best / 1e9),
                    cpuSeconds * 1000,
                    report.pageCount() / cpuSeconds,
                    report.accounts().size() / cpuSeconds,
                    oldGenPeakMb(),
                    liveMb);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The tenured pool's peak since the reset: what stayed alive across collections during the timed runs. */
    private static long oldGenPeakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak >> 20;
    }
}
