package vn.sohoa.signer;

import java.awt.GraphicsEnvironment;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * {@code java -jar sohoa-signer.jar [settings.properties]} (without an argument: {@code
 * /etc/sohoa-signer/signer.properties}, then {@code ~/.config/sohoa-signer/signer.properties}): starts the desk's signing agent; it asks for consent and the
 * PIN in the terminal it was started from, or in small windows when started from the desktop (no terminal) or with
 * {@code signer.prompts=window}. Settings (file or {@code -Dsigner.*}): {@code signer.port} (default 18765),
 * {@code signer.origins} (comma-separated Sohoa server URLs, required), {@code signer.pkcs11.library} (the token
 * vendor's PKCS#11 library, required), {@code signer.pkcs11.slot} (default 0), {@code signer.session} (how long one PIN
 * entry lasts, default PT5M).
 */
public final class SohoaSigner {

    public static final int DEFAULT_PORT = 18765;
    /** Read when no settings file is given (the desktop menu's start), then the user's own beside it. */
    static final Path SYSTEM_SETTINGS = Path.of("/etc/sohoa-signer/signer.properties");

    private SohoaSigner() {
    }

    public static void main(String[] args) throws IOException {
        Properties settings = new Properties();
        List<Path> files = args.length > 0 ? List.of(Path.of(args[0])) : List.of(SYSTEM_SETTINGS,
                Path.of(System.getProperty("user.home"), ".config", "sohoa-signer", "signer.properties"));
        for (Path file : files) {
            if (args.length > 0 || Files.isReadable(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    settings.load(in);
                } catch (IOException e) {
                    fail("cannot read the settings " + file + ": " + e.getMessage());
                }
            }
        }
        settings.putAll(System.getProperties());
        Console console = System.console();
        boolean windows = console == null || "window".equals(settings.getProperty("signer.prompts"));
        if (windows && GraphicsEnvironment.isHeadless()) {
            fail("sohoa-signer asks for consent and the PIN in a terminal or a window: start it in a terminal or "
                    + "on a desktop");
        }
        ConsolePrompts consolePrompts = windows ? null : new ConsolePrompts(console);
        SwingPrompts swingPrompts = windows ? new SwingPrompts() : null;
        PinPrompt pins = windows ? swingPrompts : consolePrompts;
        UserConsent consent = windows ? swingPrompts : consolePrompts;
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
                    pins,
                    Duration.parse(settings.getProperty("signer.session", "PT5M")), Clock.systemUTC());
        } catch (SignerException e) {
            fail(e.getMessage());
            return;
        }
        SigningAgent agent;
        try {
            agent = new SigningAgent(port, origins, token, consent);
        } catch (BindException e) {
            fail("port " + port + " is taken on 127.0.0.1: is sohoa-signer already running? (signer.port)");
            return;
        }
        System.out.printf("sohoa-signer: listening on 127.0.0.1:%d for %s (%s)%n", agent.port(), origins,
                windows ? "questions in windows" : "questions in this terminal");
    }

    /** The agent's questions in the terminal it was started from. */
    private record ConsolePrompts(Console console) implements PinPrompt, UserConsent {

        @Override
        public char[] askPin(String prompt) {
            return console.readPassword("%s: ", prompt);
        }

        @Override
        public boolean allowPairing(String origin) {
            return yes("Cho phép trang " + origin + " dùng USB token để ký? / Allow " + origin + " to use the token?");
        }

        @Override
        public boolean allowSignatures(List<SigningSummary> summaries) {
            return yes(ConsoleText.summary(summaries));
        }

        private boolean yes(String question) {
            String answer = console.readLine("%s [c/k] (có/không, yes/no): ", question);
            return answer != null && (answer.strip().equalsIgnoreCase("c") || answer.strip().equalsIgnoreCase("y")
                    || answer.strip().equalsIgnoreCase("có") || answer.strip().equalsIgnoreCase("yes"));
        }
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
