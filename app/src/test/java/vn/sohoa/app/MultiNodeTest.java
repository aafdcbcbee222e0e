package vn.sohoa.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

import vn.sohoa.app.document.DocumentDigitized;
import vn.sohoa.testkit.SharedCorpus;

/**
 * What the tests of several service processes on one database and one S3 server share: the nodes' home (their logs
 * are there), the shared stores, starting a node on them, stopping every node after the test, and reading from a
 * node's log which papers it digitized.
 */
abstract class MultiNodeTest {

    static final String AGENCY = "000.00.30.H42";
    static final String CLERK = SohoaHttpClient.basic("clerk", "demo-pass");
    static final Pattern DIGITIZED = Pattern.compile("document ([0-9a-f-]{36}) digitized");

    /** Kept when the test fails: the nodes' logs are there ({@code <name>.log}). */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;
    @RegisterExtension
    final KeptLogs keptLogs = new KeptLogs(() -> home);
    SharedStores shared;
    final List<Process> nodes = new ArrayList<>();

    /** The nodes started in this JVM by name, and the papers each digitized (its {@link DocumentDigitized} events). */
    final Map<String, ConfigurableApplicationContext> nodesInThisJvm = new ConcurrentHashMap<>();
    final Map<String, List<String>> digitizedInThisJvm = new ConcurrentHashMap<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        nodesInThisJvm.values().forEach(ConfigurableApplicationContext::close);
        for (Process node : nodes) {
            if (node.isAlive()) {
                ServiceNode.stop(node);
            }
        }
        if (shared != null) {
            shared.close();
        }
    }

    /** Starts the shared stores, on a new schema named {@code prefix…}. */
    void share(String prefix) throws Exception {
        shared = SharedStores.start(prefix, Files.createDirectories(home.resolve("objects")));
    }

    /** Starts node {@code name} on the shared stores, its log at {@code <home>/<name>.log}. */
    Process node(String name, int port, int publicPort, Map<String, String> environment, String... arguments)
            throws Exception {
        Map<String, String> all = new HashMap<>(shared.environment());
        all.putAll(environment);
        Process node = ServiceNode.start(home, port, home.resolve(name + ".log"), List.of(), all,
                shared.arguments(name, publicPort, arguments).toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    /**
     * Starts node {@code name} in this JVM on the shared stores ({@link ServiceNode#inThisJvm}) and returns once it is
     * ready; the papers it digitizes are recorded from its committed {@link DocumentDigitized} events.
     */
    ConfigurableApplicationContext nodeInThisJvm(String name, int port, int publicPort, String... arguments) {
        List<String> all = new ArrayList<>(shared.arguments(name, publicPort, arguments));
        all.addAll(List.of("--spring.datasource.username=" + TestDatabases.pgUser(),
                "--spring.datasource.password=" + TestDatabases.pgPassword()));
        List<String> papers = digitizedInThisJvm.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        ConfigurableApplicationContext node = ServiceNode.inThisJvm(home, port,
                List.of(TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT,
                        (DocumentDigitized event) -> papers.add(event.documentId()))),
                all.toArray(String[]::new));
        nodesInThisJvm.put(name, node);
        return node;
    }

    /**
     * The top third of a clean corpus page (its heading and first lines, Vietnamese text), as a PNG at 300 dpi: these
     * tests are about which node digitizes what, so each paper is real text for real Tesseract, at a third of a whole
     * page's recognition time.
     */
    static byte[] headOfPage(String name) throws IOException {
        BufferedImage page = ImageIO.read(SharedCorpus.corpus("clean/" + name).toFile());
        BufferedImage head = page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 3);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(head, "png", png);
        return png.toByteArray();
    }

    /**
     * The papers node {@code name} digitized: by its events in this JVM, or as its log says (none when it never
     * started).
     */
    List<String> digitizedBy(String name) throws Exception {
        if (digitizedInThisJvm.containsKey(name)) {
            return List.copyOf(digitizedInThisJvm.get(name));
        }
        List<String> documents = new ArrayList<>();
        Path log = home.resolve(name + ".log");
        if (!Files.exists(log)) {
            return documents;
        }
        Matcher matcher = DIGITIZED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (matcher.find()) {
            documents.add(matcher.group(1));
        }
        return documents;
    }
}
