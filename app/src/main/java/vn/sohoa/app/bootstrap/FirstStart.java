package vn.sohoa.app.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.principal.CertifierOffice;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.app.stats.BulkFacts;
import vn.sohoa.app.stats.GeneratedFacts;
import vn.sohoa.app.stats.Indicator;
import vn.sohoa.app.stats.Targets;
import vn.sohoa.app.units.UnitCsv;
import vn.sohoa.app.units.UnitRepository;
import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.util.PrivateFiles;

/**
 * On the first start of an empty database: the {@code admin} account and, unless turned off, a demo province with
 * one commune and its {@code clerk}, {@code certifier} and a province {@code supervisor}. Generated passwords are
 * stored as bcrypt hashes, written once to a file only the service's user can read, and printed only to a terminal.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "sohoa.tool", havingValue = "false", matchIfMissing = true)
class FirstStart implements ApplicationRunner {

    static final String DEMO_PROVINCE = "000.00.00.H42";
    static final String DEMO_COMMUNE = "000.00.30.H42";
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AgencyRepository agencies;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SohoaProperties properties;
    private final UnitRepository units;
    private final Targets targets;
    private final BulkFacts bulkFacts;
    private final Clock clock;

    FirstStart(AgencyRepository agencies, UserRepository users, PasswordEncoder encoder,
               SohoaProperties properties, UnitRepository units, Targets targets, BulkFacts bulkFacts,
               Clock clock) {
        this.clock = clock;
        this.units = units;
        this.targets = targets;
        this.bulkFacts = bulkFacts;
        this.agencies = agencies;
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.exists("admin")) {
            return;
        }
        StringBuilder banner = new StringBuilder("\n================ Sohoa: first start / khởi tạo lần đầu ================\n");
        StringBuilder generated = new StringBuilder();
        boolean demo = properties.bootstrap().demoData() && agencies.isEmpty();
        if (demo) {
            agencies.insert(new Agency(DEMO_PROVINCE, "UBND thành phố Đà Nẵng (demo)", AdministrativeLevel.PROVINCE,
                    null));
            agencies.insert(new Agency(DEMO_COMMUNE, "UBND xã Hòa Phong (demo)", AdministrativeLevel.COMMUNE,
                    DEMO_PROVINCE));
            banner.append(demoStatistics());
        }
        String adminAgency = agencies.findAll().stream().filter(a -> a.parentCode() == null).map(Agency::code)
                .findFirst().orElse(null);
        String adminPassword = chosenOrGenerated(properties.bootstrap().adminPassword());
        users.insert("admin", encoder.encode(adminPassword), "Quản trị hệ thống", "Administrator", Role.ADMIN,
                adminAgency);
        account(banner, generated, "admin", properties.bootstrap().adminPassword(), adminPassword, "");
        if (demo) {
            String demoPassword = chosenOrGenerated(properties.bootstrap().demoPassword());
            users.insert("clerk", encoder.encode(demoPassword), "Trần Thị Lan", "Cán bộ tiếp nhận", Role.CLERK,
                    DEMO_COMMUNE);
            users.insert("certifier", encoder.encode(demoPassword), "Nguyễn Văn An", "Phó Chủ tịch UBND xã",
                    Role.CERTIFIER, DEMO_COMMUNE);
            // the demo certifier's signing PIN is the demo password (production refuses demo accounts)
            users.setSigningPinHash("certifier", encoder.encode(demoPassword));
            users.setOffice("certifier", CertifierOffice.COMMUNE_VICE_CHAIR);
            users.insert("supervisor", encoder.encode(demoPassword), "Lê Minh Tâm", "Chuyên viên Sở Tư pháp",
                    Role.SUPERVISOR, DEMO_PROVINCE);
            String configured = properties.bootstrap().demoPassword();
            account(banner, generated, "clerk", configured, demoPassword, "   (" + DEMO_COMMUNE + ")");
            account(banner, generated, "certifier", configured, demoPassword, "   (" + DEMO_COMMUNE + ")");
            account(banner, generated, "supervisor", configured, demoPassword, "   (" + DEMO_PROVINCE + ")");
        }
        if (!generated.isEmpty()) {
            Path file = properties.home().resolve(PASSWORD_FILE);
            writePasswords(file, generated.toString());
            banner.append("  Generated passwords are also in / Mật khẩu tự sinh có trong: ").append(file.toAbsolutePath())
                    .append(" (readable by this user only; delete it once they are changed)\n");
        }
        banner.append("=======================================================================");
        // to a terminal only: generated passwords must not end up in service logs (standard output of a service
        // manager is a log), so without a terminal the banner names the file instead of the passwords
        System.out.println(shown(banner.toString(), System.console() != null));
        LOG.info("first start: accounts created{}", demo ? " with the demo province and commune" : "");
    }

    static final String PASSWORD_FILE = "first-start-passwords.txt";
    /** Brackets a generated password in the banner, so that it can be left out where no terminal shows it. */
    private static final char MARK = '\u0001';

    /** The banner for a terminal (passwords shown) or for a log (each password replaced by a pointer to the file). */
    static String shown(String banner, boolean terminal) {
        return terminal ? banner.replace(String.valueOf(MARK), "")
                : banner.replaceAll(MARK + "[^" + MARK + "]*" + MARK, "(in the file below / xem tệp bên dưới)");
    }

    private static void account(StringBuilder banner, StringBuilder generated, String username, String configured,
                                String password, String note) {
        boolean chosen = configured != null && !configured.isBlank();
        banner.append(String.format("  %-10s / %s%s%n", username,
                chosen ? "(the password you set / mật khẩu đã đặt)" : MARK + password + MARK, note));
        if (!chosen) {
            generated.append(username).append(' ').append(password).append('\n');
        }
    }

    private static void writePasswords(Path file, String lines) {
        try {
            PrivateFiles.createDirectories(file.getParent());
            PrivateFiles.replace(file, out -> out.write(("# Sohoa first start: generated passwords / mật khẩu tự "
                    + "sinh\n" + lines).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The demo province's units (two districts abolished and five communes merged on 2025-07-01), the targets the
     * domain notes quote, and 18 months of generated dossier facts, so the dashboard has something to show.
     */
    private String demoStatistics() {
        try (var in = FirstStart.class.getResourceAsStream("/demo/units.csv")) {
            units.importUnits(UnitCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo units", e);
        }
        YearMonth now = YearMonth.from(VietnamTime.today(clock));
        for (int year = 2024; year <= now.getYear(); year++) {
            List<Targets.Target> yearTargets = new ArrayList<>();
            for (AdministrativeLevel level : List.of(AdministrativeLevel.DEPARTMENT, AdministrativeLevel.PROVINCE,
                    AdministrativeLevel.DISTRICT, AdministrativeLevel.COMMUNE)) {
                // 2024: 100 % of received dossiers digitized and of communes offering e-certified copies; results
                // digitized at province / district / commune level 80 / 70 / 60 % (the 2022 targets, kept)
                yearTargets.add(new Targets.Target(year, level, Indicator.DOSSIERS_DIGITIZED, 100));
                yearTargets.add(new Targets.Target(year, level, Indicator.E_CERTIFIED_COPY_PROVISION, 100));
                yearTargets.add(new Targets.Target(year, level, Indicator.E_RESULT_ISSUED,
                        level == AdministrativeLevel.COMMUNE ? 60 : level == AdministrativeLevel.DISTRICT ? 70 : 80));
            }
            targets.replaceYear(year, yearTargets);
        }
        BulkFacts.Loader loader = bulkFacts.loader("demo");
        long dossiers = new GeneratedFacts(units.directory(), 42).generate(now.minusMonths(17), now, 20, true,
                loader::add);
        loader.finish();
        return "  demo statistics: " + dossiers + " generated dossiers over 18 months in " + DEMO_PROVINCE + "\n";
    }

    private static String chosenOrGenerated(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

}
