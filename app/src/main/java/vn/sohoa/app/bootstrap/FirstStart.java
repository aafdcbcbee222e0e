package vn.sohoa.app.bootstrap;

import java.security.SecureRandom;

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
import vn.sohoa.app.security.Role;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.core.code.AdministrativeLevel;

/**
 * On the first start of an empty database: the {@code admin} account and, unless turned off, a demo province with
 * one commune and its {@code clerk}, {@code certifier} and a province {@code supervisor}. Generated passwords are
 * printed once, here, and stored only as bcrypt hashes.
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

    FirstStart(AgencyRepository agencies, UserRepository users, PasswordEncoder encoder,
               SohoaProperties properties) {
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
        boolean demo = properties.bootstrap().demoData() && agencies.isEmpty();
        if (demo) {
            agencies.insert(new Agency(DEMO_PROVINCE, "UBND tỉnh Quảng Nam (demo)", AdministrativeLevel.PROVINCE,
                    null));
            agencies.insert(new Agency(DEMO_COMMUNE, "UBND xã Hòa Phong (demo)", AdministrativeLevel.COMMUNE,
                    DEMO_PROVINCE));
        }
        String adminAgency = agencies.findAll().stream().filter(a -> a.parentCode() == null).map(Agency::code)
                .findFirst().orElse(null);
        String adminPassword = chosenOrGenerated(properties.bootstrap().adminPassword());
        users.insert("admin", encoder.encode(adminPassword), "Quản trị hệ thống", "Administrator", Role.ADMIN,
                adminAgency);
        banner.append("  admin      / ").append(shown(properties.bootstrap().adminPassword(), adminPassword))
                .append('\n');
        if (demo) {
            String demoPassword = chosenOrGenerated(properties.bootstrap().demoPassword());
            users.insert("clerk", encoder.encode(demoPassword), "Trần Thị Lan", "Cán bộ tiếp nhận", Role.CLERK,
                    DEMO_COMMUNE);
            users.insert("certifier", encoder.encode(demoPassword), "Nguyễn Văn An", "Phó Chủ tịch UBND xã",
                    Role.CERTIFIER, DEMO_COMMUNE);
            users.insert("supervisor", encoder.encode(demoPassword), "Lê Minh Tâm", "Chuyên viên Sở Tư pháp",
                    Role.SUPERVISOR, DEMO_PROVINCE);
            String shown = shown(properties.bootstrap().demoPassword(), demoPassword);
            banner.append("  clerk      / ").append(shown).append("   (").append(DEMO_COMMUNE).append(")\n");
            banner.append("  certifier  / ").append(shown).append("   (").append(DEMO_COMMUNE).append(")\n");
            banner.append("  supervisor / ").append(shown).append("   (").append(DEMO_PROVINCE).append(")\n");
        }
        banner.append("  Generated passwords are shown only now / Mật khẩu tự sinh chỉ hiện một lần.\n");
        banner.append("=======================================================================");
        // to the console only: generated passwords must not end up in log files
        System.out.println(banner);
        LOG.info("first start: accounts created{}", demo ? " with the demo province and commune" : "");
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

    private static String shown(String configured, String actual) {
        return configured != null && !configured.isBlank() ? "(the password you set / mật khẩu đã đặt)" : actual;
    }
}
