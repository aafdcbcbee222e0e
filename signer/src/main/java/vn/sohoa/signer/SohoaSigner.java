package vn.sohoa.signer;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * {@code java -jar sohoa-signer.jar [settings.properties]}: starts the desk's signing agent with console prompts for
 * the PIN and for each consent. Settings (file or {@code -Dsigner.*}): {@code signer.port} (default 18765),
 * {@code signer.origins} (comma-separated Sohoa server URLs, required), {@code signer.pkcs11.library} (the token
 * vendor's PKCS#11 library, required), {@code signer.pkcs11.slot} (default 0), {@code signer.session} (how long one PIN
 * entry lasts, default PT5M).
 */
public final class SohoaSigner {

    public static final int DEFAULT_PORT = 18765;

    private SohoaSigner() {
    }

    public static void main(String[] args) throws IOException {
        Properties settings = new Properties();
        if (args.length > 0) {
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                settings.load(in);
            }
        }
        settings.putAll(System.getProperties());
        Console console = System.console();
        if (console == null) {
            fail("sohoa-signer asks for the PIN on its console: start it in a terminal");
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : required(settings, "signer.origins").split(",")) {
            if (!origin.isBlank()) {
                origins.add(origin.strip().replaceAll("/+$", ""));
            }
        }
        int port = Integer.parseInt(settings.getProperty("signer.port", String.valueOf(DEFAULT_PORT)));
        TokenAccess token;
        try {
            token = new Pkcs11TokenAccess(Path.of(required(settings, "signer.pkcs11.library")),
                    Long.parseLong(settings.getProperty("signer.pkcs11.slot", "0")),
                    prompt -> console.readPassword("%s: ", prompt),
                    Duration.parse(settings.getProperty("signer.session", "PT5M")), Clock.systemUTC());
        } catch (SignerException e) {
            fail(e.getMessage());
            return;
        }
        SigningAgent agent = new SigningAgent(port, origins, token, new UserConsent() {
            @Override
            public boolean allowPairing(String origin) {
                return yes(console, "Cho phép trang " + origin + " dùng USB token để ký? / Allow " + origin
                        + " to use the token?");
            }

            @Override
            public boolean allowSignature(SigningSummary s) {
                return yes(console, String.join("\n", Arrays.asList(
                        "Ký số bản sao / Sign this certified copy:",
                        "  Hồ sơ / dossier: " + s.dossierCode(),
                        "  Giấy tờ / paper: " + s.paperTitle(),
                        "  Số chứng thực / register number: " + s.registerNumber(),
                        "  Số trang / pages: " + s.pageCount(),
                        "  SHA-256: " + s.documentSha256(),
                        "  Chứng thư / certificate: " + s.certificateSubject(),
                        "Đồng ý ký? / Sign?")));
            }
        });
        console.printf("sohoa-signer: listening on 127.0.0.1:%d for %s%n", agent.port(), origins);
    }

    private static boolean yes(Console console, String question) {
        String answer = console.readLine("%s [c/k] (có/không, yes/no): ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("c") || answer.strip().equalsIgnoreCase("y")
                || answer.strip().equalsIgnoreCase("có") || answer.strip().equalsIgnoreCase("yes"));
    }

    private static String required(Properties settings, String name) {
        String value = settings.getProperty(name);
        if (value == null || value.isBlank()) {
            fail("missing setting " + name + " (in the settings file or -D" + name + "=…)");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("sohoa-signer: " + message);
        System.exit(2);
    }
}
