package vn.sohoa.app.backup;

import java.util.List;

/**
 * What a backup holds ({@code manifest.json}): the database dump and its SHA-256, every stored object with its
 * SHA-256 (the catalog at the time of the dump), and the files of the data directory that live outside the database.
 *
 * @param format        this manifest's layout, for later versions
 * @param createdAt     when the backup was taken (ISO-8601, the service's clock)
 * @param database      the database kind, H2 or POSTGRESQL; a restore goes into the same kind
 * @param schemaVersion the migration version of the dumped schema
 * @param databaseFile  the dump's file name in the backup
 * @param databaseSha256 the dump's SHA-256
 * @param objects       every object, as {@code <bucket>/<name>}, with its size and SHA-256; one the store could
 *                      not give back whole is listed with its problem and has no copy in the backup
 * @param homeFiles     files of the data directory (the audit key, the development PKI, seal pictures), relative
 */
public record BackupManifest(int format, String createdAt, String database, String schemaVersion,
                             String databaseFile, String databaseSha256, List<ObjectEntry> objects,
                             List<String> homeFiles) {

    public static final int FORMAT = 1;

    /**
     * A stored object as the catalog recorded it.
     *
     * @param problem null when the backup holds a verified copy; else why it does not (missing, corrupt)
     */
    public record ObjectEntry(String key, long size, String sha256, String contentType, String problem) {
    }

    /** The objects the backup holds no copy of. */
    public List<ObjectEntry> damaged() {
        return objects.stream().filter(entry -> entry.problem() != null).toList();
    }
}
