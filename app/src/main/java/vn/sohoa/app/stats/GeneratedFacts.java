package vn.sohoa.app.stats;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import vn.sohoa.app.units.AdminUnit;
import vn.sohoa.app.units.UnitDirectory;
import vn.sohoa.core.code.AdministrativeLevel;

/**
 * Plausible dossier events for demonstrations and load tests, the same for the same seed: every unit with a desk
 * (communes, districts until they ended, departments) receives dossiers each month; each unit has its own diligence,
 * which grows month by month, so the dashboard shows laggards and a trend. Channels, components, reuse, the data
 * store, results and certified copies are drawn with the shares one-stop desks report.
 */
public final class GeneratedFacts {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final UnitDirectory units;
    private final long seed;

    public GeneratedFacts(UnitDirectory units, long seed) {
        this.units = units;
        this.seed = seed;
    }

    /** How many (unit, month) pairs receive dossiers from {@code from} to {@code to}. */
    public long unitMonths(YearMonth from, YearMonth to) {
        long count = 0;
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            count += unitsWithDesks(units, month);
        }
        return count;
    }

    /** The units that receive dossiers in {@code month}. */
    static long unitsWithDesks(UnitDirectory units, YearMonth month) {
        return units.validOn(month.atDay(15)).stream().filter(GeneratedFacts::hasDesk).count();
    }

    private static boolean hasDesk(AdminUnit unit) {
        // provinces' and ministries' own desks are their departments'
        return unit.level() != AdministrativeLevel.PROVINCE && unit.level() != AdministrativeLevel.MINISTRY;
    }

    /**
     * Hands each generated dossier's events to {@code sink}, month by month from {@code from} to {@code to}.
     *
     * @param dossiersPerUnitMonth the mean number of dossiers a unit receives in a month
     * @param varyCounts           true: each unit's monthly count varies ±40 % around the mean (demonstrations);
     *                             false: exactly the mean (load tests that need a known total)
     * @return the number of dossiers generated
     */
    public long generate(YearMonth from, YearMonth to, int dossiersPerUnitMonth, boolean varyCounts,
                         Consumer<List<DossierEvent>> sink) {
        Random random = new Random(seed);
        long count = 0;
        int monthIndex = 0;
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1), monthIndex++) {
            for (AdminUnit unit : units.validOn(month.atDay(15))) {
                if (!hasDesk(unit)) {
                    continue;
                }
                // seeds spread by the golden-ratio multiplier: java.util.Random gives near seeds near first draws
                Random unitRandom = new Random((seed * 31 + unit.code().hashCode()) * 0x9E3779B97F4A7C15L);
                double diligence = 0.45 + 0.45 * unitRandom.nextDouble();
                boolean offersCopies = unitRandom.nextInt(5) != 0;
                double progress = Math.min(1.0, diligence + monthIndex * 0.02);
                int dossiers = varyCounts
                        ? Math.max(1, (int) Math.round(dossiersPerUnitMonth * (0.6 + 0.8 * random.nextDouble())))
                        : dossiersPerUnitMonth;
                for (int i = 0; i < dossiers; i++) {
                    String code = unit.code() + "-" + month.toString().replace("-", "").substring(2) + "-"
                            + String.format("%05d", i + 1);
                    sink.accept(dossier(code, unit, month, progress, offersCopies, random));
                    count++;
                }
            }
        }
        return count;
    }

    private static List<DossierEvent> dossier(String code, AdminUnit unit, YearMonth month, double progress,
                                              boolean offersCopies, Random random) {
        List<DossierEvent> events = new ArrayList<>();
        OffsetDateTime received = month.atDay(1 + random.nextInt(month.lengthOfMonth())).atTime(7 + random.nextInt(10),
                random.nextInt(60)).atZone(VIETNAM).toOffsetDateTime();
        double channel = random.nextDouble();
        Channel how = channel < 0.6 ? Channel.WALK_IN : channel < 0.7 ? Channel.POSTAL : Channel.ONLINE;
        int components = 1 + random.nextInt(4);
        boolean paperResult = random.nextDouble() < 0.7;
        events.add(new DossierEvent(code, "received", DossierEventType.RECEIVED, received, unit.code(), how, null,
                components, paperResult, null));
        OffsetDateTime at = received.plusMinutes(5);
        for (int c = 1; c <= components; c++) {
            double draw = random.nextDouble();
            DossierEventType type = draw < 0.1 * progress ? DossierEventType.COMPONENT_REUSED
                    : draw < 0.2 * progress ? DossierEventType.COMPONENT_FROM_DATA_STORE
                    : draw < progress + 0.05 ? DossierEventType.COMPONENT_DIGITIZED : null;
            if (type != null) {
                events.add(new DossierEvent(code, "component-" + c, type, at.plusMinutes(c), null, null,
                        "tp-" + c, null, null, null));
            }
        }
        if (random.nextDouble() < 0.85) {
            OffsetDateTime done = received.plusDays(1 + random.nextInt(15));
            ResultForm form = random.nextDouble() < progress ? ResultForm.ELECTRONIC : ResultForm.PAPER;
            events.add(new DossierEvent(code, "result", DossierEventType.RESULT_ISSUED, done, null, null, null, null,
                    null, form));
            if (form == ResultForm.ELECTRONIC && random.nextDouble() < 0.4 * progress) {
                events.add(new DossierEvent(code, "synced", DossierEventType.RESULT_SYNCED_TO_DATA_STORE,
                        done.plusHours(1), null, null, null, null, null, null));
            }
        }
        if (offersCopies && unit.level() == AdministrativeLevel.COMMUNE && random.nextDouble() < 0.3) {
            int copies = 1 + random.nextInt(3);
            for (int c = 1; c <= copies; c++) {
                events.add(new DossierEvent(code, "copy-" + c, DossierEventType.CERTIFIED_COPY_ISSUED,
                        received.plusMinutes(30 + c), null, null, null, null, null, null));
            }
        }
        return events;
    }
}
