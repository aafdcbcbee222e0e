package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as a real separate process (a JVM of its own, started from the test's class path), for the tests
 * that kill it, signal it or bound its heap; or, for a node the test only starts and stops, as an application context
 * of its own in the test's JVM ({@link #inThisJvm}), the same code without a cold JVM's start.
 */
final class ServiceNode {

    /**
     * The nodes' clock: it shows {@link ServiceTime#START} when the first node starts and runs on; each node, and
     * each restart, is started at its current time, so that the nodes agree and a restarted node does not go back.
     */
    private static final Clock CLOCK = ServiceTime.clock();

    /**
     * A test's service process lives for seconds to a minute: the C1 compiler alone and the serial collector spend a
     * third less CPU on it than the full tiered compiler (measured on CrashSafetyTest, TwoNodesTest (now in
     * RollingRestartTest) and HostileInputSmallHeapTest on 2 cores). The in-process tests keep the default: they run
     * long enough for C2.
     */
    private static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ServiceNode() {
    }

    /**
     * The command that runs {@link SohoaApplication} in a JVM of its own on this JVM's class path, as a short-lived
     * service or a command-line tool.
     *
     * @param jvmOptions e.g. {@code -Xmx512m}
     * @param arguments  the application's first arguments (a tool's name, Spring arguments); more may be added
     */
    static List<String> javaCommand(List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SHORT_LIVED_JVM);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SohoaApplication.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Starts a node and waits until it is ready.
     *
     * @param home        its SOHOA_HOME
     * @param port        its HTTP port
     * @param log         where its output goes (appended)
     * @param jvmOptions  e.g. {@code -Xmx512m}
     * @param environment added to the default (home, demo passwords, one OpenMP thread)
     * @param arguments   Spring arguments, e.g. {@code --sohoa.hot-folder.enabled=false}
     */
    static Process start(Path home, int port, Path log, List<String> jvmOptions, Map<String, String> environment,
                         String... arguments) throws IOException, InterruptedException {
        List<String> command = javaCommand(jvmOptions, "--server.port=" + port);
        command.addAll(withClock(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SOHOA_HOME", home.toString());
        builder.environment().put("SOHOA_ADMIN_PASSWORD", "admin-pass");
        builder.environment().put("SOHOA_DEMO_PASSWORD", "demo-pass");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.environment().putAll(environment);
        Process service = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service stopped; see " + log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return service;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        service.destroyForcibly();
        throw new IllegalStateException("the service did not get ready; see " + log);
    }

    /**
     * Starts a node in this JVM, an application context of its own, and returns once it is ready: for a node the
     * test does not kill or signal (closing the context is what SIGTERM's shutdown hook runs), without a cold JVM's
     * start (about 15 CPU seconds on 2 cores).
     *
     * @param home      its {@code sohoa.home}
     * @param port      its HTTP port
     * @param listeners application listeners added to the context, e.g. to record the events it publishes
     * @param arguments Spring arguments, e.g. {@code --sohoa.hot-folder.enabled=false}; as command-line arguments
     *                  they outrank application.yml, as they would for an operator
     */
    static ConfigurableApplicationContext inThisJvm(Path home, int port, List<ApplicationListener<?>> listeners,
                                                    String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--sohoa.home=" + home,
                "--sohoa.bootstrap.admin-password=admin-pass", "--sohoa.bootstrap.demo-password=demo-pass",
                "--spring.main.banner-mode=off"));
        all.addAll(withClock(arguments));
        return new SpringApplicationBuilder(SohoaApplication.class)
                .listeners(listeners.toArray(ApplicationListener[]::new)).run(all.toArray(String[]::new));
    }

    /** The arguments with the nodes' clock, unless they set the node's time themselves (a restored node's). */
    private static List<String> withClock(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (all.stream().noneMatch(argument -> argument.startsWith("--sohoa.clock.start="))) {
            all.add(0, clockStart());
        }
        return all;
    }

    /** The argument that starts a node at the nodes' clock's current time. */
    private static String clockStart() {
        return "--sohoa.clock.start=" + OffsetDateTime.now(CLOCK.withZone(ServiceTime.START.getOffset()));
    }

    /** SIGKILL: no shutdown hook, no flush, no transaction finished. */
    static void kill(Process service) throws InterruptedException {
        service.destroyForcibly();
        service.waitFor();
    }

    /** SIGTERM, then waits for the orderly shutdown. */
    static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(60, TimeUnit.SECONDS)) {
            kill(service);
        }
    }
}
