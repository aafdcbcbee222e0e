package vn.sohoa.app.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.storage.ObjectCatalog;
import vn.sohoa.app.storage.ObjectScrubber;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.core.util.PrivateFiles;
import vn.sohoa.core.util.Sha256;

/**
 * Backs up a running service into a directory, and restores one into an empty service: the database (a consistent
 * dump by the database's own tool), then every object the catalog lists (read back and checked against its
 * SHA-256), then the data directory's files that are not in the database. Objects never change once written, so
 * objects copied after the dump are at least those the dump refers to.
 */
@Component
public class Backups {

    static final String MANIFEST = "manifest.json";
    static final String OBJECTS = "objects";
    static final String HOME = "home";
    /** The data directory's own files worth keeping; the database, objects and hot folder are not among them. */
    static final List<String> HOME_ENTRIES = List.of("audit-key", "pki", "images");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final DataSource dataSource;
    private final Environment environment;
    private final ObjectStore store;
    private final ObjectCatalog catalog;
    private final SohoaProperties properties;
    private final Clock clock;

    Backups(DataSource dataSource, Environment environment, ObjectStore store, ObjectCatalog catalog,
            SohoaProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.store = store;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    private DatabaseDump database() {
        return new DatabaseDump(dataSource, environment.getProperty("spring.datasource.url", ""),
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
    }

    /** Writes a backup into {@code target}, which must be absent or empty; returns its manifest. */
    public BackupManifest backup(Path target, PrintStream progress) throws IOException, SQLException {
        if (Files.exists(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the backup directory " + target + " is not empty");
                }
            }
        }
        PrivateFiles.createDirectories(target);
        DatabaseDump database = database();
        Path dump = target.resolve(database.kind.fileName);
        String version = database.schemaVersion();
        database.dumpTo(dump);
        progress.println("backup: database dumped (" + database.kind + ", schema version " + version + ", "
                + Files.size(dump) + " bytes)");

        List<BackupManifest.ObjectEntry> objects = new ArrayList<>();
        long[] bytes = {0};
        catalog.forEach(object -> {
            // a missing or corrupt object is named (in the manifest and the command's answer, as scrub names it)
            // and the rest is still backed up
            byte[] content = null;
            ObjectScrubber.Problem problem = null;
            if (store.stat(object.key()).isEmpty()) {
                problem = ObjectScrubber.Problem.MISSING;
            } else {
                try {
                    content = store.readVerified(object.key(), object.sha256());
                } catch (IntegrityException corrupt) {
                    problem = ObjectScrubber.Problem.CORRUPT;
                }
            }
            if (problem != null) {
                progress.println("backup: " + problem + " " + object.key() + " — not copied");
                objects.add(new BackupManifest.ObjectEntry(object.key().toString(), object.size(), object.sha256(),
                        object.contentType(), problem.name()));
                return;
            }
            Path file = objectFile(target, object.key());
            try {
                PrivateFiles.createDirectories(file.getParent());
                PrivateFiles.writeNew(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            bytes[0] += content.length;
            objects.add(new BackupManifest.ObjectEntry(object.key().toString(), object.size(), object.sha256(),
                    object.contentType(), null));
        });
        progress.println("backup: " + objects.size() + " object(s), " + bytes[0] + " bytes, each checked against "
                + "its SHA-256");

        List<String> homeFiles = new ArrayList<>();
        Path home = properties.home();
        for (String entry : HOME_ENTRIES) {
            Path source = home.resolve(entry);
            if (!Files.exists(source)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = home.relativize(file).toString();
                    Path copy = target.resolve(HOME).resolve(relative);
                    PrivateFiles.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    homeFiles.add(relative);
                }
            }
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, OffsetDateTime.now(clock).toString(),
                database.kind.name(), version, dump.getFileName().toString(), Sha256.hex(dump),
                objects, homeFiles);
        PrivateFiles.writeNew(target.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
        progress.println("backup: " + homeFiles.size() + " file(s) of the data directory; manifest written to "
                + target.resolve(MANIFEST));
        return manifest;
    }

    /**
     * Restores the backup in {@code source} into this service's empty database, its object store and its data
     * directory; every file is checked against the manifest before it is used.
     */
    public BackupManifest restore(Path source, PrintStream progress) throws IOException, SQLException {
        Path manifestFile = source.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("no backup in " + source + " (" + MANIFEST + " is missing)");
        }
        BackupManifest manifest = JSON.readValue(Files.readString(manifestFile), BackupManifest.class);
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new IllegalArgumentException("backup format " + manifest.format() + " is not known to this version");
        }
        DatabaseDump database = database();
        if (!database.kind.name().equals(manifest.database())) {
            throw new IllegalArgumentException("the backup is of a " + manifest.database() + " database; this "
                    + "service runs on " + database.kind);
        }
        if (!database.isEmpty()) {
            throw new IllegalArgumentException("the database is not empty: a restore goes into a new, empty one");
        }
        Path dump = source.resolve(manifest.databaseFile());
        String dumpSha256 = Sha256.hex(dump);
        if (!dumpSha256.equals(manifest.databaseSha256())) {
            throw new IllegalArgumentException("the database dump " + dump + " does not match the manifest's SHA-256");
        }
        database.restoreFrom(dump);
        progress.println("backup: database restored (" + database.kind + ", schema version "
                + manifest.schemaVersion() + ")");

        int put = 0;
        int present = 0;
        for (BackupManifest.ObjectEntry entry : manifest.objects()) {
            if (entry.problem() != null) {
                progress.println("backup: not restored, " + entry.problem() + " when the backup was taken: "
                        + entry.key());
                continue;
            }
            ObjectKey key = ObjectKey.parse(entry.key());
            byte[] content = Files.readAllBytes(objectFile(source, key));
            if (!Sha256.hex(content).equals(entry.sha256())) {
                throw new IllegalArgumentException("the backup's copy of " + key + " does not match its SHA-256");
            }
            StoredObject existing = store.stat(key).orElse(null);
            if (existing != null) {
                if (!entry.sha256().equals(existing.sha256())) {
                    throw new IllegalStateException("the store already holds a different " + key);
                }
                present++;
                continue;
            }
            store.putNew(key, content, entry.contentType(), Map.of());
            put++;
        }
        progress.println("backup: " + put + " object(s) put back, " + present + " already in the store");

        Path home = properties.home();
        for (String relative : manifest.homeFiles()) {
            Path target = home.resolve(relative).normalize();
            if (!target.startsWith(home.normalize())) {
                throw new IllegalArgumentException("the manifest names a file outside the data directory: "
                        + relative);
            }
            Path copy = source.resolve(HOME).resolve(relative);
            if (Files.exists(target)) {
                if (!Sha256.hex(target).equals(Sha256.hex(copy))) {
                    throw new IllegalStateException(target + " exists and differs from the backup's");
                }
                continue;
            }
            PrivateFiles.createDirectories(target.getParent());
            Files.copy(copy, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        progress.println("backup: " + manifest.homeFiles().size() + " file(s) of the data directory restored");
        return manifest;
    }

    private static Path objectFile(Path root, ObjectKey key) {
        return root.resolve(OBJECTS).resolve(key.bucket().bucketName()).resolve(key.name());
    }
}
