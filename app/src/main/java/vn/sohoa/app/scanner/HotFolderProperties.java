package vn.sohoa.app.scanner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hot folder scanning stations drop their files into: {@code <root>/<station>/<dossier code>/<paper>.pdf}.
 *
 * @param enabled      watch the folder on this node (one node per folder: see ARCHITECTURE.md)
 * @param root         the folder; by default {@code <sohoa.home>/hot-folder}
 * @param pollInterval how often the folder is looked at
 * @param settleTime   how long a file's size and time must stay unchanged before it is taken (the scanner may
 *                     still be writing it)
 * @param stations     each station's folder name and the agency it scans for, e.g.
 *                     {@code sohoa.hot-folder.stations.may-quet-1=000.00.30.H42}: a station takes files only for
 *                     dossiers of that agency and the units below it; files in an undeclared station's folder are
 *                     refused
 */
@ConfigurationProperties("sohoa.hot-folder")
public record HotFolderProperties(@DefaultValue("true") boolean enabled, Path root,
                                  @DefaultValue("3s") Duration pollInterval, @DefaultValue("2s") Duration settleTime,
                                  @DefaultValue Map<String, String> stations) {
}
