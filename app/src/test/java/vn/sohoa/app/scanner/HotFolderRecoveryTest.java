package vn.sohoa.app.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.document.DocumentView;
import vn.sohoa.app.dossier.DossierService;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.testkit.SharedCorpus;

/**
 * A file the service was taking from a scanning station when it stopped (left in the station's {@code _processing})
 * goes back to its dossier folder on the next start and is taken again: nothing dropped into the hot folder is lost.
 * The service runs on its embedded defaults; the file is placed before it starts, as a crash would leave it.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotFolderRecoveryTest {

    static final String DOSSIER = "000.00.30.H42-261130-0601";
    static Path hotFolder;

    @DynamicPropertySource
    static void interruptedTake(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("sohoa-hot-");
        hotFolder = home.resolve("hot-folder");
        Path processing = Files.createDirectories(hotFolder.resolve("may-quet-2").resolve(HotFolder.PROCESSING));
        // a born-digital PDF: what is tested is the take, not the recognition
        Files.copy(SharedCorpus.corpus("src/a07.pdf"),
                processing.resolve("3f0c6a8e-0000-4000-8000-000000000001--" + DOSSIER + "--Giay_uy_quyen.pdf"));
        registry.add("sohoa.home", home::toString);
        registry.add("sohoa.bootstrap.admin-password", () -> "admin-pass");
        registry.add("sohoa.bootstrap.demo-password", () -> "demo-pass");
        registry.add("sohoa.hot-folder.poll-interval", () -> "300ms");
        registry.add("sohoa.hot-folder.stations.may-quet-2", () -> "000.00.30.H42");
        // long enough for the test to register the dossier before the file is taken, even when other test classes
        // running beside this one slow the service's start down
        registry.add("sohoa.hot-folder.settle-time", () -> "10s");
    }

    @Autowired
    DossierService dossiers;
    @Autowired
    DocumentService documents;
    @Autowired
    UserRepository users;
    @Autowired
    HotFolder folder;

    @Test
    void aFileLeftHalfTakenGoesBackToItsDossierFolderAndIsTakenAgain() throws Exception {
        Path station = hotFolder.resolve("may-quet-2");
        assertThat(station.resolve(DOSSIER).resolve("Giay_uy_quyen.pdf")).as("put back on start").exists();
        assertThat(Files.list(station.resolve(HotFolder.PROCESSING)).toList()).isEmpty();

        var clerk = users.find("clerk").orElseThrow();
        dossiers.register(clerk, DOSSIER, "000.00.30.H42", null, OffsetDateTime.parse("2026-11-30T09:00:00+07:00"), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<DocumentView> papers = List.of();
        // the paper is saved before the station's status records the take: wait for both
        while ((papers.isEmpty() || folder.stations().stream().allMatch(status -> status.lastTaken() == null))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            papers = documents.ofDossier(clerk, DOSSIER);
        }
        assertThat(papers).singleElement().satisfies(paper -> assertThat(paper.title()).isEqualTo("Giay uy quyen"));
        assertThat(Files.exists(station.resolve(DOSSIER).resolve("Giay_uy_quyen.pdf"))).as("taken").isFalse();
        assertThat(folder.stations()).singleElement().satisfies(status -> {
            assertThat(status.station()).isEqualTo("may-quet-2");
            assertThat(status.takenToday()).isEqualTo(1);
            assertThat(status.lastTaken()).isEqualTo("Giay_uy_quyen.pdf");
            assertThat(status.rejections()).isEmpty();
        });
    }
}
