import com.clinicsuite.imports.credit.parse.CreditSheet;
import com.clinicsuite.imports.credit.parse.CreditSheetParser;
import java.nio.file.Path;

/**
 * Parses and validates a credit-balance workbook several times and prints the time of each run and the peak heap.
 * Run through bench/credit-sheet-bench.sh (which builds the classpath and sets -Xmx128m), not by the test suite.
 *
 * <pre>java -Xmx128m -cp CLASSPATH bench/CreditSheetBench.java FILE [RUNS]</pre>
 */
public class CreditSheetBench {

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        CreditSheetParser parser = new CreditSheetParser(CreditSheetParser.Limits.DEFAULT);
        System.out.printf(
                "file %s, max heap %d MB%n",
                file.getFileName(), Runtime.getRuntime().maxMemory() >> 20);
        long best = Long.MAX_VALUE;
        CreditSheet last = null;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            CreditSheet sheet = parser.parse(file, file.getFileName().toString(), CreditSheetParser.Progress.NONE);
            last = sheet;
            long millis = (System.nanoTime() - start) / 1_000_000;
            best = Math.min(best, millis);
            System.out.printf(
                    "run %d: %,d ms  rows %,d accepted %,d rejected %,d  (%,.0f rows/s)%n",
                    run,
                    millis,
                    sheet.rowsTotal(),
                    sheet.rowsAccepted(),
                    sheet.rowsRejected(),
                    sheet.rowsTotal() * 1000.0 / millis);
        }
        // what an import holds while it publishes: the validated rows of the last run, still reachable here
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "best %,d ms; heap in use after GC with the %,d rows held: %d MB of %d MB max%n",
                best, last.rowsAccepted(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
}
