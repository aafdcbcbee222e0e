package vn.sohoa.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module rules of ARCHITECTURE.md, checked on the compiled classes of every module (ArchUnit): library modules
 * know neither Spring nor the app, the libraries depend on each other only as the table says, the app's feature
 * packages form no cycle, and the features that listen (statistics, webhooks, delivery) are reached through events
 * only. And, on the sources of every module, that types are imported rather than named inline.
 */
class ArchitectureTest {

    private static final String[] LIBRARIES = {"vn.sohoa.core..", "vn.sohoa.ingest..", "vn.sohoa.ocr..",
            "vn.sohoa.signing..", "vn.sohoa.storage.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the modules' main classes, from the reactor's target/classes or the installed jars; no test code, and not
        // the testkit (test fixtures, on the test classpath only)
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("testkit"))
                .importPackages("vn.sohoa");
    }

    @Test
    void theAppsFeaturePackagesFormNoCycle() {
        slices().matching("vn.sohoa.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theModulesFormNoCycle() {
        slices().matching("vn.sohoa.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void libraryModulesKnowNeitherSpringNorTheApp() {
        noClasses().that().resideInAnyPackage(LIBRARIES).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "vn.sohoa.app..").check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("vn.sohoa.core..").should().dependOnClassesThat()
                .resideInAnyPackage("vn.sohoa.ingest..", "vn.sohoa.ocr..", "vn.sohoa.signing..",
                        "vn.sohoa.storage..").check(classes);
    }

    @Test
    void signingAndStorageStandAlone() {
        noClasses().that().resideInAnyPackage("vn.sohoa.signing..", "vn.sohoa.storage..").should()
                .dependOnClassesThat().resideInAnyPackage("vn.sohoa.ingest..", "vn.sohoa.ocr..").check(classes);
        noClasses().that().resideInAPackage("vn.sohoa.signing..").should().dependOnClassesThat()
                .resideInAPackage("vn.sohoa.storage..").check(classes);
        noClasses().that().resideInAPackage("vn.sohoa.storage..").should().dependOnClassesThat()
                .resideInAPackage("vn.sohoa.signing..").check(classes);
    }

    @Test
    void ocrReadsPagesThroughCoresPortNotThroughTheScanDecoder() {
        noClasses().that().resideInAPackage("vn.sohoa.ocr..").should().dependOnClassesThat()
                .resideInAPackage("vn.sohoa.ingest..").check(classes);
    }

    @Test
    void digitizationUsesDocumentsAndDocumentsDoNotKnowHowTheyAreDigitized() {
        noClasses().that().resideInAPackage("vn.sohoa.app.document..").should().dependOnClassesThat()
                .resideInAnyPackage("vn.sohoa.app.digitize..", "vn.sohoa.ocr..").check(classes);
    }

    @Test
    void statisticsWebhooksAndDeliveryHearOfDossiersDocumentsAndCopiesThroughEventsOnly() {
        noClasses().that().resideInAnyPackage("vn.sohoa.app.dossier..", "vn.sohoa.app.document..",
                "vn.sohoa.app.certify..").should().dependOnClassesThat()
                .resideInAnyPackage("vn.sohoa.app.stats..", "vn.sohoa.app.webhook..", "vn.sohoa.app.delivery..")
                .check(classes);
    }

    /** A package-qualified type in code: a package path from a known root, then a capitalised name. */
    private static final Pattern INLINE_TYPE = Pattern.compile(
            "(?<![\\w.@])(?:java|javax|jakarta|org|com|io|tools|vn|eu)(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

    @Test
    void typesAreImportedNotNamedInline() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("app/src/test/java/vn/sohoa/app/ArchitectureTest.java")).as("the project root")
                .exists();
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                String name = directory.getFileName().toString();
                return name.equals("target") || name.startsWith(".") && !directory.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".java")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(sources).as("the modules' sources").hasSizeGreaterThan(100);
        List<String> inline = new ArrayList<>();
        for (Path file : sources) {
            String code = codeOnly(Files.readString(file));
            // package and import lines name types in full by design: search after the last of them
            Matcher header = Pattern.compile("^(?:package|import) [^;]*;", Pattern.MULTILINE).matcher(code);
            int body = 0;
            while (header.find()) {
                body = header.end();
            }
            Matcher found = INLINE_TYPE.matcher(code).region(body, code.length());
            while (found.find()) {
                inline.add(root.relativize(file) + ": " + found.group());
            }
        }
        assertThat(inline).as("types named inline instead of imported").isEmpty();
    }

    /** The source with comments, string and character literals blanked out, so that only code is searched. */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3) + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = i + 1;
                while (end < source.length() && source.charAt(end) != source.charAt(i)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                i++;
                continue;
            }
            end = end <= i ? source.length() : Math.min(end, source.length());
            for (int k = i; k < end; k++) {
                if (code.charAt(k) != '\n') {
                    code.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return code.toString();
    }
}
