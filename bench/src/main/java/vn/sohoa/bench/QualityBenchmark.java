package vn.sohoa.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ocr.quality.PageQuality;
import vn.sohoa.ocr.quality.QualityFinding;
import vn.sohoa.ocr.quality.QualityThresholds;
import vn.sohoa.ocr.quality.QualityVerdict;
import vn.sohoa.ocr.quality.ScanQuality;
import vn.sohoa.testkit.ScanDefects;
import vn.sohoa.testkit.ScanDefects.Defect;

/**
 * The scan-quality gate on known defects: every corpus page clean, as the corpus scanned it and with six acceptable
 * degradations (the good pages), and with each defect of {@link ScanDefects} in two strengths (the defective pages),
 * plus the corpus's black-and-white G4 scan (colour lost). Prints, for the tuning half (a01–a04) and the reporting
 * half (a05–a08) apart, the confusion table, the share of defective pages caught under their own reason, the false
 * alarms on good pages, and the time a page takes.
 *
 * <pre>bench/quality [--measures] [--out FILE.md]</pre>
 */
public final class QualityBenchmark {

    /** One page judged: what it is, what the gate expected to find (null: nothing), what it said, how long it took. */
    record Judged(String page, String half, String kind, String expected, PageQuality quality, long nanos) {
        boolean good() {
            return expected == null;
        }

        boolean caught() {
            return expected != null && quality.findings().stream().anyMatch(f -> f.reason().name().equals(expected));
        }

        boolean flagged() {
            return quality.verdict() != QualityVerdict.OK;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean measures = List.of(args).contains("--measures");
        Map<String, String> options = BenchOptions.parse(
                Stream.of(args).filter(arg -> !arg.equals("--measures")).toArray(String[]::new));
        Path corpus = Path.of(options.getOrDefault("--shared", "../shared")).resolve("corpus");
        ScanQuality gate = new ScanQuality(QualityThresholds.defaults());
        List<Judged> judged = new ArrayList<>();

        // warm-up: the JIT compiles the measures before any page is timed
        BufferedImage warm = ImageIO.read(corpus.resolve("clean/a01.png").toFile());
        for (int i = 0; i < 5; i++) {
            gate.assess(warm, 300);
        }

        ScanDecoder decoder = new ScanDecoder(IngestLimits.DEFAULTS);
        for (int n = 1; n <= 8; n++) {
            String id = String.format("a%02d", n);
            String half = n <= 4 ? "tuning" : "reporting";
            Path cleanFile = Files.exists(corpus.resolve("clean/" + id + ".png"))
                    ? corpus.resolve("clean/" + id + ".png") : corpus.resolve("clean/" + id + ".jpg");
            BufferedImage clean = ImageIO.read(cleanFile.toFile());
            judged.add(judge(gate, id, half, "clean", null, clean, 300));
            for (int v = 0; v < ScanDefects.ACCEPTABLE_VARIANTS; v++) {
                ScanDefects.Scan scan = ScanDefects.acceptable(clean, 300, v);
                judged.add(judge(gate, id, half, "acceptable-" + v, null, scan.image(), scan.dpi()));
            }
            for (Defect defect : Defect.values()) {
                for (int v = 0; v < 2; v++) {
                    ScanDefects.Scan scan = ScanDefects.make(clean, 300, defect, n + v);
                    judged.add(judge(gate, id, half, defect.name().toLowerCase(Locale.ROOT) + "-" + v, defect.reason(),
                            scan.image(), scan.dpi()));
                }
            }
        }
        // the corpus's own scans: acceptable degradations, except the G4 one (black-and-white: colour lost)
        try (Stream<Path> scans = Files.list(corpus.resolve("scans"))) {
            for (Path file : scans.sorted().toList()) {
                String name = file.getFileName().toString();
                int first = Integer.parseInt(name.substring(5, 7));
                String half = first <= 4 ? "tuning" : "reporting";
                List<PageImage> pages = decoder.decode(List.of(ScanFile.accept(name, Files.readAllBytes(file),
                        IngestLimits.DEFAULTS)));
                for (PageImage page : pages) {
                    String expected = name.contains("_g4_") ? "COLOUR_LOST" : null;
                    judged.add(judge(gate, name.substring(0, 3) + "p" + page.number(), half, "corpus-scan", expected,
                            page.image(), page.dpi()));
                }
            }
        }

        StringBuilder out = new StringBuilder();
        if (measures) {
            out.append("| page | half | kind | expected | verdict | findings | dpi | blur mm | spread | paper | ink "
                    + "| margins mm (top right bottom left) | corner dark | skew ° | ms |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Judged j : judged) {
                PageQuality.Measures m = j.quality().measures();
                PageQuality.Margins margins = m.margins();
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %.3f | %d | %d | %d "
                                + "| %.0f %.0f %.0f %.0f | %.3f | %.2f | %.0f |%n",
                        j.page(), j.half(), j.kind(), j.expected() == null ? "—" : j.expected(), j.quality().verdict(),
                        j.quality().findings().stream().map(f -> f.reason().name()).toList(), m.dpi(), m.blurMm(),
                        m.spread(), m.paperLevel(), m.inkLevel(), margins.top(), margins.right(), margins.bottom(),
                        margins.left(), m.cornerDark(), m.skewDegrees(), j.nanos() / 1e6));
            }
            out.append('\n');
        }
        for (String half : List.of("tuning", "reporting")) {
            out.append(table(half, judged.stream().filter(j -> j.half().equals(half)).toList()));
        }
        System.out.print(out);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), out);
        }
    }

    private static Judged judge(ScanQuality gate, String page, String half, String kind, String expected,
                                BufferedImage image, int dpi) {
        long start = System.nanoTime();
        PageQuality quality = gate.assess(image, dpi);
        return new Judged(page, half, kind, expected, quality, System.nanoTime() - start);
    }

    private static String table(String half, List<Judged> judged) {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(half.equals("tuning") ? "Tuning half (a01–a04): thresholds set on these"
                : "Reporting half (a05–a08): no threshold set on these").append("\n\n");
        out.append("| pages | count | caught (own reason) | flagged, other reason | passed as OK |\n"
                + "|---|---:|---:|---:|---:|\n");
        Map<String, int[]> rows = new TreeMap<>();
        for (Judged j : judged) {
            if (j.good()) {
                continue;
            }
            int[] row = rows.computeIfAbsent(j.expected(), k -> new int[4]);
            row[0]++;
            if (j.caught()) {
                row[1]++;
            } else if (j.flagged()) {
                row[2]++;
            } else {
                row[3]++;
            }
        }
        int defective = 0;
        int caught = 0;
        for (Map.Entry<String, int[]> row : rows.entrySet()) {
            int[] r = row.getValue();
            out.append(String.format("| defect %s | %d | %d | %d | %d |%n", row.getKey(), r[0], r[1], r[2], r[3]));
            defective += r[0];
            caught += r[1];
        }
        List<Judged> good = judged.stream().filter(Judged::good).toList();
        Map<QualityVerdict, Integer> verdicts = new EnumMap<>(QualityVerdict.class);
        Map<String, Integer> alarms = new TreeMap<>();
        for (Judged j : good) {
            verdicts.merge(j.quality().verdict(), 1, Integer::sum);
            for (QualityFinding finding : j.quality().findings()) {
                alarms.merge(j.page() + " " + j.kind() + ": " + finding.reason(), 1, Integer::sum);
            }
        }
        int falseAlarms = good.size() - verdicts.getOrDefault(QualityVerdict.OK, 0);
        out.append(String.format("| good pages | %d | — | %d flagged | %d |%n%n", good.size(), falseAlarms,
                verdicts.getOrDefault(QualityVerdict.OK, 0)));
        long[] times = judged.stream().mapToLong(Judged::nanos).sorted().toArray();
        out.append(String.format(Locale.ROOT,
                "Caught: %d of %d defective pages (%.1f %%). False alarms: %d of %d good pages (%.1f %%). "
                        + "Time a page (grey copy, all measures; decoding not included): median %.0f ms, p95 %.0f ms.%n",
                caught, defective, 100.0 * caught / defective, falseAlarms, good.size(),
                100.0 * falseAlarms / good.size(), times[times.length / 2] / 1e6, times[(int) (times.length * 0.95)] / 1e6));
        if (!alarms.isEmpty()) {
            out.append("False alarms: ").append(String.join("; ", alarms.keySet())).append(".\n");
        }
        out.append('\n');
        return out.toString();
    }
}
