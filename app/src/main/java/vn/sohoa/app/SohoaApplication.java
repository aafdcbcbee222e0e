package vn.sohoa.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

import org.springframework.beans.BeansException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import vn.sohoa.app.audit.AuditCommand;
import vn.sohoa.app.backup.BackupCommand;
import vn.sohoa.app.ocr.OcrCommand;
import vn.sohoa.app.pki.DemoTokenCommand;
import vn.sohoa.app.stats.GenerateCommand;
import vn.sohoa.app.storage.ScrubCommand;
import vn.sohoa.core.util.PrivateFiles;

/**
 * The Sohoa service. The same jar runs the command-line tools: {@code ocr} digitizes files without the server;
 * {@code scrub} checks every stored object against the database; {@code audit verify|export} checks and exports the
 * audit log; {@code generate-facts} loads a synthetic province's dossier facts for load tests; {@code demo-token} puts
 * a development certifier key on a SoftHSM2 token for sohoa-signer; {@code backup} and {@code restore} copy the
 * database, the objects and the data directory's own files out of a running service and into an empty one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SohoaApplication {

    public static void main(String[] args) {
        // the embedded H2 database lets this machine's own tools in while the service runs (AUTO_SERVER), and no one
        // else: its server socket listens on loopback only
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        // an outbound request's connection reuses the addresses its policy check resolved a moment before (the
        // JVM's address cache): a name cannot point elsewhere in between unless caching is turned off, so it is not.
        // Not for `sohoa ocr`, which sends no request: on Java 17 the first security property set looks for a
        // System.Logger through every jar on the class path, 0.1 s of a command that is timed against tesseract
        boolean ocrCommand = args.length > 0 && "ocr".equals(args[0]);
        String ttl = Security.getProperty("networkaddress.cache.ttl");
        if (!ocrCommand && (ttl == null || !ttl.matches("[1-9][0-9]*|-1"))) {
            Security.setProperty("networkaddress.cache.ttl", "30");
        }
        if (args.length > 0 && isTool(args[0])) {
            System.exit(runTool(args, System.out, System.err));
        }
        SpringApplication application = new SpringApplication(SohoaApplication.class);
        application.addListeners(
                (ApplicationListener<ApplicationEnvironmentPreparedEvent>) SohoaApplication::privateHome);
        application.run(args);
    }

    /**
     * The data directory and its database folder are created 0700 before anything writes there (H2 would create
     * them with the process's umask): the database, keys and objects are the service user's alone.
     */
    static void privateHome(ApplicationEnvironmentPreparedEvent event) {
        Path home = Path.of(event.getEnvironment().getProperty("sohoa.home", "./data"));
        try {
            PrivateFiles.createDirectories(home.resolve("db"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + home.toAbsolutePath(), e);
        }
    }

    static boolean isTool(String command) {
        return "ocr".equals(command) || "scrub".equals(command) || "audit".equals(command)
                || "generate-facts".equals(command) || "demo-token".equals(command) || "backup".equals(command)
                || "restore".equals(command);
    }

    /** Runs a command-line tool and returns its exit code. */
    public static int runTool(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "ocr" -> OcrCommand.run(rest, out, err);
            case "scrub" -> inToolContext("scrub", rest, err, context -> ScrubCommand.run(context, out, err));
            case "audit" -> inToolContext("audit", rest.stream().filter(a -> a.startsWith("--")).toList(), err,
                    context -> AuditCommand.run(context, rest, out, err));
            case "generate-facts" -> inToolContext("generate-facts", springArguments(rest), err,
                    context -> GenerateCommand.run(context, rest, out, err));
            case "demo-token" -> inToolContext("demo-token", List.of(), err,
                    context -> DemoTokenCommand.run(context, rest, out, err));
            case "backup" -> inToolContext("backup", springArguments(rest), err,
                    context -> BackupCommand.backup(context, rest, out, err));
            case "restore" -> {
                // into an empty database: no migration first (the dump brings its schema); the beans a tool context
                // makes are only those the restore asks for (the others would read tables that are not there yet)
                List<String> arguments = new ArrayList<>(springArguments(rest));
                arguments.add("--spring.flyway.enabled=false");
                yield inToolContext("restore", arguments, err, context -> BackupCommand.restore(context, rest, out,
                        err));
            }
            default -> throw new IllegalArgumentException("not a tool: " + args[0]);
        };
    }

    /** The Spring and Sohoa settings among a tool's arguments ({@code --spring.…}, {@code --sohoa.…}). */
    private static List<String> springArguments(List<String> args) {
        return args.stream().filter(a -> a.startsWith("--spring") || a.startsWith("--sohoa")).toList();
    }

    /**
     * Runs {@code tool} in a {@link #toolContext} on {@code arguments}; a failure, the context's start included, is
     * one line on {@code err} and exit code 1.
     */
    private static int inToolContext(String tool, List<String> arguments, PrintStream err,
                                     ToIntFunction<ConfigurableApplicationContext> run) {
        try (ConfigurableApplicationContext context = toolContext(arguments)) {
            return run.applyAsInt(context);
        } catch (RuntimeException e) {
            err.println("sohoa " + tool + ": " + reason(e));
            return 1;
        }
    }

    /**
     * Why a tool failed, in the words of whoever found it: a context that cannot start wraps the reason (a refused
     * setting, an unreachable database) in "error creating bean …" exceptions that only name the bean.
     */
    private static String reason(RuntimeException e) {
        return e instanceof BeansException ? NestedExceptionUtils.getMostSpecificCause(e).getMessage()
                : e.getMessage();
    }

    /**
     * The application without its web server, jobs and first-start setup: a tool reads the same configuration and
     * data as the service (even while the service runs) but takes no job and serves nothing. Its beans are made when
     * the tool first asks for them: a scrub needs the store and the database, not the OCR engines, the signing keys
     * or the web views (the deployment guard is made anyway, see {@link vn.sohoa.app.config.DeploymentGuard}).
     */
    private static ConfigurableApplicationContext toolContext(List<String> args) {
        List<String> arguments = new ArrayList<>(args);
        arguments.add("--spring.main.lazy-initialization=true");
        arguments.add("--db-scheduler.enabled=false");
        arguments.add("--sohoa.tool=true");
        arguments.add("--spring.main.banner-mode=off");
        arguments.add("--logging.level.root=warn");
        // a context that cannot start is the tool's one line (inToolContext), not Spring's warning and stack trace
        arguments.add("--logging.level.org.springframework.boot.SpringApplication=off");
        arguments.add("--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=off");
        return new SpringApplicationBuilder(SohoaApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
