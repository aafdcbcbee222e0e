package vn.sohoa.app.scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.document.PaperIdentity;
import vn.sohoa.app.document.UploadedScan;
import vn.sohoa.app.dossier.Dossier;
import vn.sohoa.app.dossier.DossierRepository;
import vn.sohoa.app.node.NodeSettings;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.SohoaException;
import vn.sohoa.core.storage.StoreUnavailableException;

/**
 * Takes the files scanning stations drop into {@code <root>/<station>/<dossier code>/}: each file is one paper of
 * that dossier, titled by its name. A file is taken once it has stopped changing: moved atomically into the
 * station's {@code _processing} folder, uploaded like a clerk's upload (the same checks, stored raw, OCR job
 * recorded), then deleted. A file the checks refuse goes to {@code _rejected} with a {@code .reason.txt} beside it;
 * a file that cannot be stored now (object store away) goes back to wait for the next round. Files left in
 * {@code _processing} by a crash go back on start. Nothing dropped is lost.
 */
@Component
@ConditionalOnWebApplication
public class HotFolder implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HotFolder.class);
    static final String PROCESSING = "_processing";
    static final String REJECTED = "_rejected";
    private static final int REJECTIONS_KEPT = 20;

    private final HotFolderProperties settings;
    private final boolean watched;
    private final Path root;
    private final DocumentService documents;
    private final DossierRepository dossiers;
    private final long maxFileBytes;
    private final Clock clock;
    private final Map<String, StationStatus> stations = new ConcurrentHashMap<>();
    /** What each waiting file looked like at the last round: taken once it looks the same for the settle time. */
    private final Map<Path, Seen> seen = new HashMap<>();
    private volatile ScheduledExecutorService poller;

    record Seen(long size, FileTime modified, Instant since) {
    }

    /** A file the station's folder refused, and why. */
    public record Rejection(String file, String dossierCode, String agencyCode, Instant at, String reason,
                            String reasonVi) {
    }

    /** A station as the status page shows it. */
    public record StationStatus(String station, Path folder, Instant lastRound, int waiting, int takenToday,
                                LocalDate day, String lastTaken, Instant lastTakenAt, String lastDocumentId,
                                String problem, List<Rejection> rejections) {

        StationStatus withRound(Instant at, int waiting, String problem) {
            return new StationStatus(station, folder, at, waiting, takenToday(at), dayOf(at), lastTaken, lastTakenAt,
                    lastDocumentId, problem, rejections);
        }

        StationStatus withTaken(Instant at, String file, String documentId) {
            return new StationStatus(station, folder, lastRound, Math.max(0, waiting - 1), takenToday(at) + 1,
                    dayOf(at), file, at, documentId, problem, rejections);
        }

        StationStatus withRejection(Rejection rejection) {
            List<Rejection> kept = new ArrayList<>(rejections);
            kept.add(0, rejection);
            return new StationStatus(station, folder, lastRound, Math.max(0, waiting - 1), takenToday, day,
                    lastTaken, lastTakenAt, lastDocumentId, problem,
                    List.copyOf(kept.subList(0, Math.min(kept.size(), REJECTIONS_KEPT))));
        }

        private int takenToday(Instant at) {
            return dayOf(at).equals(day) ? takenToday : 0;
        }

        private static LocalDate dayOf(Instant at) {
            return LocalDate.ofInstant(at, VietnamTime.ZONE);
        }
    }

    HotFolder(HotFolderProperties settings, SohoaProperties properties, DocumentService documents,
              DossierRepository dossiers, Clock clock, NodeSettings node) {
        // a worker node serves no desk: the scanners' folder is watched by the web nodes
        this.watched = settings.enabled() && node.role().servesUsers();
        this.settings = settings;
        this.root = settings.root() != null ? settings.root() : properties.home().resolve("hot-folder");
        this.documents = documents;
        this.dossiers = dossiers;
        this.maxFileBytes = properties.ingest().maxFileSize().toBytes();
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    public boolean enabled() {
        return watched;
    }

    public List<StationStatus> stations() {
        return stations.values().stream().sorted(Comparator.comparing(StationStatus::station)).toList();
    }

    @Override
    public void start() {
        if (!watched) {
            return;
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the hot folder " + root, e);
        }
        recoverInterrupted();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hot-folder");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::roundSafely, every, every, TimeUnit.MILLISECONDS);
        LOG.info("watching the hot folder {} every {} ms", root, every);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = poller;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }

    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            // one bad round (a folder removed under us) must not stop the watching
            LOG.warn("hot folder round failed: {}", e.toString());
        }
    }

    /** One look at every station: take the files that have settled. Package-visible for the tests. */
    synchronized void round() {
        Instant now = clock.instant();
        for (Path station : directories(root)) {
            String name = station.getFileName().toString();
            StationStatus status = stations.computeIfAbsent(name, n -> new StationStatus(n, station, null, 0, 0,
                    LocalDate.ofInstant(now, VietnamTime.ZONE), null, null, null, null, List.of()));
            List<Path> settled = new ArrayList<>();
            int waiting = 0;
            for (Path dossier : directories(station)) {
                for (Path file : files(dossier)) {
                    waiting++;
                    if (isSettled(file, now)) {
                        settled.add(file);
                    }
                }
            }
            stations.put(name, status.withRound(now, waiting, null));
            String problem = null;
            for (Path file : settled) {
                String result = take(name, file);
                problem = result != null ? result : problem;
            }
            if (problem != null) {
                String shown = problem;
                stations.computeIfPresent(name, (n, s) -> s.withRound(s.lastRound(), s.waiting(), shown));
            }
        }
        seen.keySet().removeIf(path -> !Files.exists(path));
    }

    private boolean isSettled(Path file, Instant now) {
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            Seen before = seen.get(file);
            if (before == null || before.size() != size || !before.modified().equals(modified)) {
                seen.put(file, new Seen(size, modified, now));
                return false;
            }
            return !before.since().plus(settings.settleTime()).isAfter(now);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes one settled file; returns a problem to show when it must wait for a later round. */
    private String take(String station, Path file) {
        String dossierCode = file.getParent().getFileName().toString();
        String fileName = file.getFileName().toString();
        Path processing = file.getParent().getParent().resolve(PROCESSING)
                .resolve(UUID.randomUUID() + "--" + dossierCode + "--" + fileName);
        try {
            Files.createDirectories(processing.getParent());
            Files.move(file, processing, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | AtomicMoveNotSupportedException e) {
            return null; // taken by someone else meanwhile
        } catch (IOException e) {
            return "cannot move " + fileName + ": " + e.getMessage();
        }
        seen.remove(file);
        Optional<Dossier> dossier = dossiers.find(dossierCode);
        if (dossier.isEmpty()) {
            reject(station, processing, fileName, dossierCode, null, "dossier " + dossierCode + " is not registered; "
                    + "register it first, then drop the file again", "hồ sơ " + dossierCode + " chưa được tiếp nhận");
            return null;
        }
        String agency = dossier.get().agencyCode();
        try {
            long size = Files.size(processing);
            if (size > maxFileBytes) {
                reject(station, processing, fileName, dossierCode, agency, "the file has " + size + " bytes; the limit "
                        + "is " + maxFileBytes, "tệp vượt giới hạn " + maxFileBytes + " byte");
                return null;
            }
            String stationAgency = settings.stations().get(station);
            if (stationAgency == null) {
                reject(station, processing, fileName, dossierCode, agency, "station " + station + " is not declared: "
                        + "an administrator sets sohoa.hot-folder.stations." + station + "=<agency code>",
                        "máy quét " + station + " chưa được khai báo với cơ quan của nó");
                return null;
            }
            // the station acts for its own agency: a dossier of another one is not found, and the file is refused
            SohoaPrincipal scanner = new SohoaPrincipal("scanner:" + station, "Máy quét " + station, null,
                    Role.SYSTEM, stationAgency, "", true);
            DocumentRecord document = documents.upload(scanner, dossierCode, title(fileName),
                    List.of(new UploadedScan(fileName, Files.readAllBytes(processing))), PaperIdentity.NONE, false);
            Files.delete(processing);
            stations.computeIfPresent(station, (n, s) -> s.withTaken(clock.instant(), fileName, document.id()));
            LOG.info("hot folder {}: {} taken into dossier {} as document {}", station, fileName, dossierCode,
                    document.id());
            return null;
        } catch (StoreUnavailableException e) {
            putBack(processing, file);
            return "the object store cannot be reached; " + fileName + " waits for the next round";
        } catch (SohoaException e) {
            reject(station, processing, fileName, dossierCode, agency, e.getMessage(), e.vietnameseMessage());
            return null;
        } catch (IOException | RuntimeException e) {
            putBack(processing, file);
            return fileName + " waits for the next round: " + e;
        }
    }

    private void reject(String station, Path processing, String fileName, String dossierCode, String agency,
                        String reason, String reasonVi) {
        Instant at = clock.instant();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(at.atZone(VietnamTime.ZONE));
        Path rejected = processing.getParent().getParent().resolve(REJECTED)
                .resolve(stamp + "--" + dossierCode + "--" + fileName);
        try {
            Files.createDirectories(rejected.getParent());
            Files.move(processing, rejected, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(rejected.resolveSibling(rejected.getFileName() + ".reason.txt"),
                    (reasonVi == null ? "" : reasonVi + "\n") + reason + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("hot folder {}: cannot move the refused {} aside: {}", station, fileName, e.toString());
        }
        LOG.info("hot folder {}: {} for dossier {} refused: {}", station, fileName, dossierCode, reason);
        stations.computeIfPresent(station, (n, s) -> s.withRejection(new Rejection(fileName, dossierCode, agency, at,
                reason, reasonVi)));
    }

    private static void putBack(Path processing, Path original) {
        try {
            Files.move(processing, original, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot put {} back: {}", processing, e.toString());
        }
    }

    /** Files a crash left in a station's {@code _processing} go back to their dossier folder. */
    private void recoverInterrupted() {
        for (Path station : directories(root)) {
            for (Path interrupted : files(station.resolve(PROCESSING))) {
                String[] parts = interrupted.getFileName().toString().split("--", 3);
                if (parts.length == 3) {
                    try {
                        Path dossier = Files.createDirectories(station.resolve(parts[1]));
                        Files.move(interrupted, dossier.resolve(parts[2]), StandardCopyOption.ATOMIC_MOVE);
                        LOG.info("hot folder {}: {} put back after an interruption", station.getFileName(), parts[2]);
                    } catch (IOException e) {
                        LOG.warn("cannot put back {}: {}", interrupted, e.toString());
                    }
                }
            }
        }
    }

    /** "Giay_khai_sinh.pdf" → "Giay khai sinh". */
    static String title(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String title = base.replace('_', ' ').strip();
        return title.isEmpty() ? fileName : title.length() > 300 ? title.substring(0, 300) : title;
    }

    private static List<Path> directories(Path folder) {
        return list(folder, path -> Files.isDirectory(path) && !hidden(path));
    }

    private static List<Path> files(Path folder) {
        return list(folder, path -> Files.isRegularFile(path) && !hidden(path)
                && !path.getFileName().toString().endsWith(".part") && !path.getFileName().toString().endsWith(".tmp"));
    }

    private static boolean hidden(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_") || name.startsWith("~");
    }

    private static List<Path> list(Path folder, DirectoryStream.Filter<Path> filter) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, filter)) {
            entries.forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }
}
