package vn.sohoa.app.stats;

import java.io.PrintStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.units.UnitCsv;
import vn.sohoa.app.units.UnitRepository;
import vn.sohoa.core.code.AdministrativeLevel;

/**
 * {@code sohoa generate-facts [--dossiers 5000000] [--months 24] [--seed 1]}: a synthetic province for load tests
 * (code suffix Z99: a department, 12 districts with 10 communes each until 2025-07-01, then 60 merged communes) and
 * that many generated dossiers over the last months, loaded in chunks of 100 000 (each chunk with its figures in one
 * transaction). Meant for a database of its own; refuses to generate twice.
 */
public final class GenerateCommand {

    public static final String PROVINCE = "000.00.00.Z99";
    private static final int CHUNK = 100_000;

    private GenerateCommand() {
    }

    public static int run(ConfigurableApplicationContext context, List<String> args, PrintStream out,
                          PrintStream err) {
        long dossiers = 5_000_000;
        int months = 24;
        long seed = 1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                switch (arg) {
                    case "--dossiers" -> dossiers = Long.parseLong(args.get(++i));
                    case "--months" -> months = Integer.parseInt(args.get(++i));
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    default -> {
                        if (!arg.startsWith("--spring") && !arg.startsWith("--sohoa")) {
                            err.println("sohoa generate-facts: unknown option " + arg
                                    + " (--dossiers N, --months M, --seed S)");
                            return 2;
                        }
                    }
                }
            } catch (RuntimeException e) {
                err.println("sohoa generate-facts: " + arg + " needs a number");
                return 2;
            }
        }
        if (dossiers < 1 || months < 1 || months > 120) {
            err.println("sohoa generate-facts: --dossiers at least 1, --months from 1 to 120");
            return 2;
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        UnitRepository units = context.getBean(UnitRepository.class);
        BulkFacts bulk = context.getBean(BulkFacts.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        long existing = jdbc.sql("select count(*) from dossier_facts where dossier_code like '%.Z99-%'")
                .query(Long.class).single();
        if (existing > 0) {
            err.println("sohoa generate-facts: " + existing + " generated dossiers are already here; "
                    + "use a database of its own");
            return 1;
        }
        transaction.executeWithoutResult(status -> {
            units.importUnits(UnitCsv.parse(syntheticProvince()));
            jdbc.sql("insert into agencies (code, name, level) values (?, ?, ?) on conflict do nothing")
                    .params(PROVINCE, "UBND tỉnh Thử Tải (Z99)", AdministrativeLevel.PROVINCE.name()).update();
        });
        YearMonth to = YearMonth.from(VietnamTime.today(context.getBean(Clock.class)));
        YearMonth from = to.minusMonths(months - 1L);
        GeneratedFacts generator = new GeneratedFacts(units.directory(), seed);
        long unitMonths = generator.unitMonths(from, to);
        // at least the number asked for: the same count for every unit and month, rounded up
        int perUnitMonth = (int) Math.max(1, (dossiers + unitMonths - 1) / unitMonths);
        out.printf("generating %d dossiers: %d unit-months from %s to %s, %d per unit and month%n",
                perUnitMonth * unitMonths, unitMonths, from, to, perUnitMonth);
        long started = System.nanoTime();
        List<List<DossierEvent>> chunk = new ArrayList<>(CHUNK);
        long[] loaded = {0};
        generator.generate(from, to, perUnitMonth, false, dossier -> {
            chunk.add(dossier);
            if (chunk.size() == CHUNK) {
                loaded[0] += load(bulk, transaction, chunk);
                chunk.clear();
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("  %,d dossiers in %.0f s (%.0f per second)%n", loaded[0], seconds, loaded[0] / seconds);
            }
        });
        loaded[0] += load(bulk, transaction, chunk);
        out.printf("generated %,d dossiers in %.0f s; province %s%n", loaded[0], (System.nanoTime() - started) / 1e9,
                PROVINCE);
        return 0;
    }

    private static long load(BulkFacts bulk, TransactionTemplate transaction, List<List<DossierEvent>> chunk) {
        Long count = transaction.execute(status -> {
            BulkFacts.Loader loader = bulk.loader("generated");
            chunk.forEach(loader::add);
            return loader.finish();
        });
        return count == null ? 0 : count;
    }

    /** The synthetic province's units as the CSV import takes them. */
    static String syntheticProvince() {
        StringBuilder csv = new StringBuilder(UnitCsv.HEADER).append('\n');
        csv.append(PROVINCE).append(",Tỉnh Thử Tải (Z99),PROVINCE,,1997-01-01,,\n");
        csv.append("000.00.05.Z99,Sở Tư pháp (Z99),DEPARTMENT,").append(PROVINCE).append(",1997-01-01,,\n");
        for (int d = 1; d <= 12; d++) {
            String district = String.format("000.%02d.00.Z99", d);
            csv.append(district).append(",Huyện ").append(d).append(" (Z99),DISTRICT,").append(PROVINCE)
                    .append(",1997-01-01,2025-07-01,").append(PROVINCE).append('\n');
            for (int c = 1; c <= 10; c++) {
                String successor = String.format("001.%02d.%02d.Z99", d, (c + 1) / 2);
                csv.append(String.format("000.%02d.%02d.Z99", d, c)).append(",Xã ").append(d).append('-').append(c)
                        .append(" (Z99),COMMUNE,").append(district).append(",1997-01-01,2025-07-01,")
                        .append(successor).append('\n');
            }
            for (int n = 1; n <= 5; n++) {
                csv.append(String.format("001.%02d.%02d.Z99", d, n)).append(",Xã mới ").append(d).append('-')
                        .append(n).append(" (Z99),COMMUNE,").append(PROVINCE).append(",2025-07-01,,\n");
            }
        }
        return csv.toString();
    }
}
