package vn.sohoa.app.storage;

import java.io.PrintStream;

import org.springframework.context.ConfigurableApplicationContext;

import vn.sohoa.core.storage.StoreUnavailableException;

/**
 * {@code sohoa scrub}: checks every stored object against the database, prints progress and each problem, and
 * exits non-zero when anything is missing or corrupt.
 */
public final class ScrubCommand {

    public static final int CLEAN = 0;
    public static final int PROBLEMS_FOUND = 3;
    public static final int STORE_UNREACHABLE = 4;

    private ScrubCommand() {
    }

    public static int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        ObjectScrubber scrubber = context.getBean(ObjectScrubber.class);
        long[] lastReport = {0};
        ObjectScrubber.Report report;
        try {
            report = scrubber.scrub((done, total, problems) -> {
                long now = System.nanoTime();
                if (done == total || now - lastReport[0] > 2_000_000_000L) {
                    lastReport[0] = now;
                    err.printf("scrub: %d/%d objects checked, %d problem(s)%n", done, total, problems);
                }
            });
        } catch (StoreUnavailableException e) {
            err.println("scrub: the object store cannot be reached: " + e.getMessage());
            return STORE_UNREACHABLE;
        }
        for (ObjectScrubber.Finding finding : report.findings()) {
            out.println(finding.problem() + " " + finding.key() + " — " + finding.detail());
        }
        out.printf("scrub: %d object(s), %d byte(s) checked; %d missing, %d corrupt%n", report.checked(),
                report.bytes(),
                report.findings().stream().filter(f -> f.problem() == ObjectScrubber.Problem.MISSING).count(),
                report.findings().stream().filter(f -> f.problem() == ObjectScrubber.Problem.CORRUPT).count());
        return report.clean() ? CLEAN : PROBLEMS_FOUND;
    }
}
