package vn.sohoa.app.audit;

import java.io.PrintStream;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sohoa audit verify}: walks the keyed chain, then the anchors kept outside the database; exit 0 when both
 * hold, 3 at the first broken entry or disagreeing anchor.
 * {@code sohoa audit export}: every entry as one JSON object per line on standard output, with its hashes, so the
 * chain can be checked again anywhere.
 */
public final class AuditCommand {

    public static final int INTACT = 0;
    public static final int USAGE = 2;
    public static final int BROKEN = 3;

    private AuditCommand() {
    }

    public static int run(ConfigurableApplicationContext context, List<String> args, PrintStream out,
                          PrintStream err) {
        String sub = args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("");
        AuditLog log = context.getBean(AuditLog.class);
        switch (sub) {
            case "verify" -> {
                AuditLog.Verification result = log.verify();
                if (result.intact()) {
                    AuditAnchors.Verification anchored = context.getBean(AuditAnchors.class).verify();
                    if (!anchored.intact()) {
                        out.println("audit: BROKEN — " + anchored.problem() + " (" + result.checked()
                                + " entries chained, " + anchored.anchors() + " anchors agreed before)");
                        return BROKEN;
                    }
                    out.println("audit: " + result.checked() + " entries, chain intact, " + anchored.anchors()
                            + " anchors outside the database agree");
                    return INTACT;
                }
                out.println("audit: BROKEN at entry " + result.brokenAt() + " — " + result.problem() + " ("
                        + result.checked() + " entries checked)");
                return BROKEN;
            }
            case "export" -> {
                JsonMapper json = JsonMapper.builder().build();
                long[] count = {0};
                log.each(entry -> {
                    out.println(json.writeValueAsString(entry));
                    count[0]++;
                });
                err.println("audit: " + count[0] + " entries exported");
                return INTACT;
            }
            default -> {
                err.println("sohoa audit: say verify or export");
                return USAGE;
            }
        }
    }
}
