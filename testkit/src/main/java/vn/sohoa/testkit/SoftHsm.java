package vn.sohoa.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh SoftHSM2 token for a test run, made with Debian's softhsm2-util: a real PKCS#11 module loaded into the
 * JVM, standing in for an agency's HSM. SoftHSM2 finds its configuration through the SOFTHSM2_CONF environment
 * variable, which the build sets for every test JVM (pom.xml); the token directory beside it is emptied once per
 * test JVM. PKCS#11 login state belongs to the process and the token, so tests that need different login states
 * use different tokens, all made together before the first is opened.
 */
public final class SoftHsm {

    /** Where Debian and Ubuntu install the module (package softhsm2). */
    private static final List<Path> MODULES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));
    private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

    /** The user PIN of every test token; the security officer's PIN is it twice. */
    public static final String PIN = "246810";
    /**
     * Every token a test JVM may use, made together on first use: the module reads its tokens once, when the JVM
     * loads it, so a token made after that would be invisible (CKR_SLOT_ID_INVALID).
     */
    private static final List<String> LABELS = List.of("sohoa-agency", "sohoa-wrong-pin", "sohoa-devices",
            "sohoa-service", "sohoa-signer");

    private static Map<String, Token> tokens;

    private SoftHsm() {
    }

    /** A token: the PKCS#11 module to load, the slot id softhsm2-util gave it, and its label. */
    public record Token(Path module, long slotId, String label) {
    }

    /** The test token labelled {@code label} (one of {@link #LABELS}), with the user PIN {@link #PIN}. */
    public static synchronized Token token(String label) throws IOException, InterruptedException {
        if (tokens == null) {
            Map<String, Token> made = new LinkedHashMap<>();
            Path tokenDirectory = emptyTokenDirectory();
            Files.writeString(configuration(), "directories.tokendir = " + tokenDirectory
                    + "\nobjectstore.backend = file\nlog.level = ERROR\n", StandardCharsets.US_ASCII);
            for (String each : LABELS) {
                made.put(each, initialize(each));
            }
            tokens = made;
        }
        Token token = tokens.get(label);
        if (token == null) {
            throw new IllegalArgumentException("no test token " + label + "; add it to SoftHsm.LABELS");
        }
        return token;
    }

    /** Empties (or makes) the token directory beside the configuration file, and returns it. */
    private static Path emptyTokenDirectory() throws IOException {
        Path tokens = configuration().resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(tokens);
    }

    private static Path configuration() {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run the tests through Maven (pom.xml sets it)");
        }
        return Path.of(conf);
    }

    /** A new token in the directory the configuration names (written once, before the first token). */
    private static Token initialize(String label) throws IOException, InterruptedException {
        Path module = MODULES.stream().filter(Files::isReadable).findFirst().orElseThrow(() ->
                new IllegalStateException("SoftHSM2 is not installed (apt-get install softhsm2; ./sohoa test does)"));
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                "--pin", PIN, "--so-pin", PIN + PIN).redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (init.waitFor() != 0) {
            throw new IllegalStateException("softhsm2-util --init-token failed: " + output);
        }
        Matcher slot = REASSIGNED.matcher(output);
        if (!slot.find()) {
            throw new IllegalStateException("softhsm2-util did not say which slot it used: " + output);
        }
        return new Token(module, Long.parseLong(slot.group(1)), label);
    }
}
