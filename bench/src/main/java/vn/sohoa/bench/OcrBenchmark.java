package vn.sohoa.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.VeraPdfJudge;

/**
 * OCR benchmark: the same scans through Sohoa (the service's path, and the command line), OCRmyPDF and raw
 * Tesseract, measured in the same run on this machine, with CER against ground truth (pdftotext of each output page),
 * size per page and veraPDF's verdict. Prints a Markdown table with ratios to the anchors.
 *
 * <pre>
 * bench/ocr [--scans DIR] [--gt DIR] [--jar app/target/sohoa.jar] [--lang vie] [--out FILE.md]
 *           [--only ocrmypdf|service|cli]   (the floor always runs: every ratio needs it)
 *           [--warm-up 3] [--rounds 5]       (service: warm-up passes over the set, then timed rounds, each
 *                                             right after a pass of the floor; medians of both are reported)
 * </pre>
 */
public final class OcrBenchmark {

    private static final Pattern CORPUS_NAME = Pattern.compile("s\\d+_(a\\d+)(?:\\+(a\\d+))?_.*");

    private final Path scans;
    private final Path groundTruth;
    private final Path jar;
    private final String tesseractLanguages;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final Path work;
    private String only;
    private int warmUpPasses = 3;
    private int serviceRounds = 5;
    /** The floor's page images (prepared once, not timed) and every timed pass of the floor in this run. */
    private FloorPages floorPages;
    private final List<Double> floorWalls = new ArrayList<>();

    /** The page images the floor reads, with each page's ground truth and label. */
    record FloorPages(List<Path> images, List<String> truths, List<String> labels) {
    }

    /** A scan file of the set and the ground truth of each of its pages. */
    record Scan(Path file, List<String> pageTruth) {
    }

    /** What one tool did with the whole set. */
    record Result(String tool, double wallSeconds, int pages, double meanCer, double worstCer,
                  Map<String, Double> pageCer, long outputBytes, int pdfaPassed, int pdfaChecked, String note,
                  double pairedFloorRatio) {

        Result(String tool, double wallSeconds, int pages, double meanCer, double worstCer,
               Map<String, Double> pageCer, long outputBytes, int pdfaPassed, int pdfaChecked, String note) {
            this(tool, wallSeconds, pages, meanCer, worstCer, pageCer, outputBytes, pdfaPassed, pdfaChecked, note,
                    Double.NaN);
        }

        /** Times the floor's time: the median of rounds timed each right after a floor pass, when there are any. */
        double floorRatio(Result floor) {
            return Double.isNaN(pairedFloorRatio) ? wallSeconds / floor.wallSeconds() : pairedFloorRatio;
        }

        Result withPairedFloorRatio(double ratio) {
            return new Result(tool, wallSeconds, pages, meanCer, worstCer, pageCer, outputBytes, pdfaPassed,
                    pdfaChecked, note, ratio);
        }

        double secondsPerPage() {
            return wallSeconds / pages;
        }

        double pagesPerMinute() {
            return 60.0 * pages / wallSeconds;
        }
    }

    OcrBenchmark(Path scans, Path groundTruth, Path jar, String tesseractLanguages) throws IOException {
        this.scans = scans;
        this.groundTruth = groundTruth;
        this.jar = jar;
        this.tesseractLanguages = tesseractLanguages;
        this.work = Files.createTempDirectory("sohoa-bench-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        Path shared = Path.of(options.getOrDefault("--shared", "../shared"));
        OcrBenchmark benchmark = new OcrBenchmark(
                Path.of(options.getOrDefault("--scans", shared.resolve("corpus/scans").toString())),
                Path.of(options.getOrDefault("--gt", shared.resolve("corpus/gt").toString())),
                Path.of(options.getOrDefault("--jar", "app/target/sohoa.jar")),
                options.getOrDefault("--lang", "vie"));
        benchmark.only = options.get("--only");
        benchmark.warmUpPasses = Integer.parseInt(options.getOrDefault("--warm-up", "3"));
        benchmark.serviceRounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        if (benchmark.serviceRounds < 1 || benchmark.warmUpPasses < 0) {
            throw new IllegalArgumentException("--rounds must be at least 1 and --warm-up at least 0");
        }
        String table = benchmark.run();
        System.out.println(table);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), table, StandardCharsets.UTF_8);
        }
    }

    String run() throws Exception {
        List<Scan> set = scanSet();
        int pages = pages(set);
        System.err.printf("benchmark: %d files, %d pages, %d cores, work in %s%n", set.size(), pages, cores, work);
        List<Result> results = new ArrayList<>();
        results.add(rawTesseract(set));
        if (only == null || only.equals("ocrmypdf")) {
            if (available("ocrmypdf")) {
                results.add(ocrmypdf(set));
            } else {
                System.err.println("benchmark: ocrmypdf is not installed; its row is left out (apt-get install "
                        + "ocrmypdf)");
            }
        }
        if (only == null || only.equals("service")) {
            results.add(sohoaService(set));
        }
        if (only == null || only.equals("cli")) {
            results.add(sohoaCli(set));
        }
        // the machine's speed drifts by ±10 % within minutes: the floor row is the median of all its passes
        Result firstFloor = results.get(0);
        results.set(0, new Result(firstFloor.tool(), median(floorWalls), firstFloor.pages(), firstFloor.meanCer(),
                firstFloor.worstCer(), firstFloor.pageCer(), 0, 0, 0, firstFloor.note() + (floorWalls.size() > 1
                ? String.format(Locale.ROOT, "; median of %d passes (%s s/page)", floorWalls.size(),
                perPage(floorWalls, firstFloor.pages())) : "")));
        return table(set, results);
    }

    // ---------------------------------------------------------------- the scan set

    List<Scan> scanSet() throws IOException {
        List<Scan> set = new ArrayList<>();
        try (Stream<Path> files = Files.list(scans)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = CORPUS_NAME.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                List<String> truth = new ArrayList<>();
                truth.add(Files.readString(groundTruth.resolve(name.group(1) + ".txt")));
                if (name.group(2) != null) {
                    truth.add(Files.readString(groundTruth.resolve(name.group(2) + ".txt")));
                }
                set.add(new Scan(file, truth));
            }
        }
        if (set.isEmpty()) {
            throw new IllegalStateException("no scan named sNN_aMM[+aKK]_… in " + scans);
        }
        return set;
    }

    // ---------------------------------------------------------------- the tools

    /** The floor: raw tesseract, one process per page with one thread each, pages in parallel on every core. */
    Result rawTesseract(List<Scan> set) throws Exception {
        Path dir = Files.createDirectories(work.resolve("tesseract"));
        // page images are prepared beforehand (not timed): tesseract cannot read PDFs, nor split a TIFF across cores
        List<Path> images = new ArrayList<>();
        List<String> truths = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ScanDecoder decoder = new ScanDecoder(IngestLimits.DEFAULTS);
        for (Scan scan : set) {
            List<PageImage> pages = decoder.decode(List.of(ScanFile.accept(scan.file().getFileName().toString(),
                    Files.readAllBytes(scan.file()), IngestLimits.DEFAULTS)));
            for (PageImage page : pages) {
                Path image = dir.resolve(stem(scan) + "-" + page.number() + ".png");
                ImageIO.write(page.image(), "png", image.toFile());
                images.add(image);
                truths.add(scan.pageTruth().get(page.number() - 1));
                labels.add(stem(scan) + " p" + page.number());
            }
        }
        floorPages = new FloorPages(images, truths, labels);
        double wall = floorPass();
        Map<String, Double> cer = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            cer.put(labels.get(i), Cer.of(truths.get(i),
                    Files.readString(Path.of(images.get(i).toString().replace(".png", ".txt")))));
        }
        return result("raw tesseract (floor; text only, no PDF)", wall, cer, 0, 0, 0,
                "-l " + tesseractLanguages + ", 1 thread per page, " + cores + " pages at a time");
    }

    /** One timed pass of the floor over its prepared page images; the wall time is also kept in floorWalls. */
    double floorPass() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Path image : floorPages.images()) {
                runs.add(pool.submit(() -> exec(List.of("tesseract", image.toString(),
                        image.toString().replace(".png", ""), "-l", tesseractLanguages), null)));
            }
            for (Future<Integer> run : runs) {
                if (run.get() != 0) {
                    throw new IllegalStateException("tesseract failed");
                }
            }
        } finally {
            pool.shutdown();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        floorWalls.add(wall);
        return wall;
    }

    Result ocrmypdf(List<Scan> set) throws Exception {
        Path dir = Files.createDirectories(work.resolve("ocrmypdf"));
        long start = System.nanoTime();
        for (Scan scan : set) {
            int exit = exec(List.of("ocrmypdf", "-q", "--output-type", "pdfa-2", "-l", "vie", "--deskew",
                    "--rotate-pages", "-j", String.valueOf(cores), scan.file().toString(),
                    dir.resolve(stem(scan) + ".pdf").toString()), null);
            if (exit != 0) {
                throw new IllegalStateException("ocrmypdf failed on " + scan.file() + " (exit " + exit + ")");
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return judgePdfs("ocrmypdf " + version("ocrmypdf"), wall, set, dir,
                "--output-type pdfa-2 -l vie --deskew --rotate-pages -j " + cores + ", one file after another");
    }

    /** The command line: one JVM per file, as a user would run it. */
    Result sohoaCli(List<Scan> set) throws Exception {
        Path dir = Files.createDirectories(work.resolve("sohoa-cli"));
        long start = System.nanoTime();
        for (Scan scan : set) {
            int exit = exec(List.of(javaBin(), "-jar", jar.toString(), "ocr", scan.file().toString(), "-o",
                    dir.resolve(stem(scan) + ".pdf").toString()), null);
            if (exit != 0) {
                throw new IllegalStateException("sohoa ocr failed on " + scan.file());
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return judgePdfs("Sohoa CLI (`sohoa ocr`)", wall, set, dir, "one JVM per file, JVM start included");
    }

    /**
     * The service's path: a running Sohoa (embedded defaults, fresh data directory) gets every file uploaded over
     * HTTP; timed from the first upload until the last document is DIGITIZED (start-up not included).
     */
    Result sohoaService(List<Scan> set) throws Exception {
        Path dir = Files.createDirectories(work.resolve("sohoa-service"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(javaBin()));
        String javaOptions = System.getenv("SOHOA_BENCH_JAVA_OPTS"); // e.g. a flight recording to profile the service
        if (javaOptions != null && !javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--sohoa.home=" + work.resolve("service-home"), "--sohoa.bootstrap.demo-password=bench",
                "--sohoa.bootstrap.admin-password=bench", "--db-scheduler.threads=" + cores));
        ProcessBuilder service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        service.environment().put("OMP_THREAD_LIMIT", "1");
        service.environment().put("SOHOA_PROFILE", "dev"); // a benchmark runs on development keys and demo data
        Process process = service.start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitUp(http, base, process, log);
            // a system client with an API key, as other systems integrate: HTTP Basic would cost a bcrypt check on
            // every status poll, which is CPU taken from OCR
            String auth = "Bearer " + ServiceProcess.apiKey(http, base, "bench", "bench", "000.00.30.H42");
            // warm-up passes over the whole set first (a dossier each): a service runs for days, so the model
            // loading and JIT compilation of its first pages are not what a clerk waits for
            for (int pass = 1; pass <= warmUpPasses; pass++) {
                String warmUpDossier = registerDossier(http, base, auth, pass);
                for (Scan scan : set) {
                    send(http, multipart(base + "/api/v1/dossiers/" + warmUpDossier + "/documents", auth, scan), 202);
                }
                awaitDossierDigitized(http, base, auth, warmUpDossier, set.size());
            }
            // timed rounds, each right after a floor pass (the service idle meanwhile), so that both see the machine
            // at about the same speed; the row reports the median round
            List<Double> walls = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            Map<Scan, String> ids = new LinkedHashMap<>();
            for (int round = 1; round <= serviceRounds; round++) {
                double floorWall = floorPass();
                String dossier = registerDossier(http, base, auth, 100 + round);
                ids.clear();
                long start = System.nanoTime();
                for (Scan scan : set) {
                    String body = send(http, multipart(base + "/api/v1/dossiers/" + dossier + "/documents", auth,
                            scan), 202);
                    ids.put(scan, field(body, "id"));
                }
                awaitDossierDigitized(http, base, auth, dossier, ids.size());
                double wall = (System.nanoTime() - start) / 1e9;
                walls.add(wall);
                ratios.add(wall / floorWall);
                System.err.printf(Locale.ROOT, "benchmark: service round %d: %.2f s/page, floor %.2f s/page (%.2f×)%n",
                        round, wall / pages(set), floorWall / pages(set), wall / floorWall);
            }
            double wall = median(walls);
            for (Map.Entry<Scan, String> entry : ids.entrySet()) {
                HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/"
                                + entry.getValue() + "/pdf")).header("Authorization", auth).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                Files.write(dir.resolve(stem(entry.getKey()) + ".pdf"), pdf.body());
            }
            StringBuilder rounds = new StringBuilder();
            for (int i = 0; i < walls.size(); i++) {
                rounds.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f (%.2f×)",
                        walls.get(i) / pages(set), ratios.get(i)));
            }
            return judgePdfs("Sohoa service (HTTP upload → DIGITIZED)", wall, set, dir,
                    "all files uploaded at once by an API client, " + cores + " jobs and " + cores + " OCR "
                            + "workers; after " + warmUpPasses + " warm-up passes over the set, " + serviceRounds
                            + " rounds, each right after a floor pass: " + rounds + " s/page; wall and × floor are "
                            + "the medians").withPairedFloorRatio(median(ratios));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * Polls the dossier (one request for all its documents, every 100 ms, as an integrator following a dossier
     * would) until its {@code count} documents are DIGITIZED.
     */
    static void awaitDossierDigitized(HttpClient http, String base, String auth, String dossier, int count)
            throws Exception {
        Pattern status = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
        while (true) {
            Thread.sleep(100);
            Matcher statuses = status.matcher(send(http, HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/dossiers/" + dossier)).header("Authorization", auth).GET().build(), 200));
            int digitized = 0;
            while (statuses.find()) {
                switch (statuses.group(1)) {
                    case "DIGITIZED" -> digitized++;
                    case "RECEIVED", "PROCESSING" -> { }
                    default -> throw new IllegalStateException("a document of " + dossier + " ended "
                            + statuses.group(1));
                }
            }
            if (digitized == count) {
                return;
            }
        }
    }

    /** Registers dossier number {@code number} of the bench agency and returns its code. */
    static String registerDossier(HttpClient http, String base, String auth, int number) throws Exception {
        String code = String.format(Locale.ROOT, "000.00.30.H42-261123-%04d", number);
        send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers")).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"agencyCode\":"
                        + "\"000.00.30.H42\",\"receivedAt\":\"2026-11-23T09:00:00+07:00\"}")).build(), 201);
        return code;
    }

    static int pages(List<Scan> set) {
        return set.stream().mapToInt(s -> s.pageTruth().size()).sum();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String perPage(List<Double> walls, int pages) {
        return String.join(", ", walls.stream().map(w -> String.format(Locale.ROOT, "%.2f", w / pages)).toList());
    }

    // ---------------------------------------------------------------- judging

    Result judgePdfs(String tool, double wall, List<Scan> set, Path dir, String note) throws Exception {
        Map<String, Double> cer = new LinkedHashMap<>();
        long bytes = 0;
        int passed = 0;
        for (Scan scan : set) {
            Path pdf = dir.resolve(stem(scan) + ".pdf");
            byte[] content = Files.readAllBytes(pdf);
            bytes += content.length;
            if (VeraPdfJudge.pdfA2bFailures(content).isEmpty()) {
                passed++;
            }
            for (int page = 1; page <= scan.pageTruth().size(); page++) {
                Path text = dir.resolve(stem(scan) + "-" + page + ".txt");
                exec(List.of("pdftotext", "-enc", "UTF-8", "-f", String.valueOf(page), "-l", String.valueOf(page),
                        pdf.toString(), text.toString()), null);
                cer.put(stem(scan) + " p" + page, Cer.of(scan.pageTruth().get(page - 1), Files.readString(text)));
            }
        }
        return result(tool, wall, cer, bytes, passed, set.size(), note);
    }

    static Result result(String tool, double wall, Map<String, Double> cer, long bytes, int passed, int checked,
                         String note) {
        double mean = cer.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double worst = cer.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new Result(tool, wall, cer.size(), mean, worst, cer, bytes, passed, checked, note);
    }

    // ---------------------------------------------------------------- the table

    String table(List<Scan> set, List<Result> results) {
        Result floor = results.get(0);
        Result ocrmypdf = results.stream().filter(r -> r.tool().startsWith("ocrmypdf")).findFirst().orElse(null);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scans: %s (%d files, %d pages); %d cores; Tesseract languages for "
                        + "Sohoa and the floor: as configured (floor `-l %s`).%n%n", scans, set.size(), floor.pages(),
                cores, tesseractLanguages));
        out.append("| tool | wall s/page | pages/min | × floor time | × ocrmypdf pages/min | mean CER | worst page CER "
                + "| KB/page | veraPDF PDF/A-2B | how |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.2f | %s | %.4f | %.4f | %s | %s | %s |%n",
                    r.tool(), r.secondsPerPage(), r.pagesPerMinute(), r.floorRatio(floor),
                    ocrmypdf == null ? "–" : String.format(Locale.ROOT, "%.2f",
                            r.pagesPerMinute() / ocrmypdf.pagesPerMinute()),
                    r.meanCer(), r.worstCer(),
                    r.pdfaChecked() == 0 ? "–" : String.format(Locale.ROOT, "%.0f", r.outputBytes() / 1024.0 / r.pages()),
                    r.pdfaChecked() == 0 ? "–" : r.pdfaPassed() + "/" + r.pdfaChecked(), r.note()));
        }
        out.append("\nCER per page (pdftotext of each output page against the corpus ground truth):\n\n| page |");
        results.forEach(r -> out.append(" ").append(r.tool()).append(" |"));
        out.append("\n|---|");
        results.forEach(r -> out.append("---:|"));
        out.append('\n');
        for (String page : floor.pageCer().keySet()) {
            out.append("| ").append(page).append(" |");
            for (Result r : results) {
                Double value = r.pageCer().get(page);
                out.append(value == null ? " – |" : String.format(Locale.ROOT, " %.4f |", value));
            }
            out.append('\n');
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- helpers

    static String stem(Scan scan) {
        String name = scan.file().getFileName().toString();
        return name.substring(0, name.indexOf('_'));
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static boolean available(String command) {
        try {
            return exec(List.of("sh", "-c", "command -v " + command), null) == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static String version(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().lines()
                    .findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    static int exec(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(
                output.toFile()));
        return builder.start().waitFor();
    }

    static void awaitUp(HttpClient http, String base, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not start within 120 s");
    }

    static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    static HttpRequest multipart(String url, String auth, Scan scan) {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                    + stem(scan) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
                    + "filename=\"" + scan.file().getFileName() + "\"\r\nContent-Type: application/octet-stream"
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(scan.file()));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
