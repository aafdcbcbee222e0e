package vn.sohoa.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module rules of ARCHITECTURE.md, checked on the compiled classes of every module (ArchUnit): library modules
 * know neither Spring nor the app, the libraries depend on each other only as the table says, the app's feature
 * packages form no cycle, and the features that listen (statistics, webhooks, delivery) are reached through events
 * only.
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
}
