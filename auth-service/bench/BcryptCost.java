import io.quarkus.elytron.security.common.BcryptUtil;

/** Time of one bcrypt hash per cost factor (median of several), as auth-service computes it. */
public class BcryptCost {
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        BcryptUtil.bcryptHash("warm-up-password", 8);
        for (int cost = 10; cost <= 13; cost++) {
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                BcryptUtil.bcryptHash("correct-horse-battery", cost);
                times[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(times);
            System.out.printf("bcrypt cost %d: median %.0f ms per hash (%d runs)%n", cost, times[runs / 2] / 1e6, runs);
        }
    }
}
