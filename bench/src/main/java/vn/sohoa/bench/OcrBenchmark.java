package vn.sohoa.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import vn.sohoa.core.document.PageImage;
import vn.sohoa.ingest.IngestLimits;
import vn.sohoa.ingest.ScanDecoder;
import vn.sohoa.ingest.ScanFile;
import vn.sohoa.ocr.OcrOptions;
import vn.sohoa.ocr.engine.OcrEnginePool;
import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.TesseractOcrEngine;
import vn.sohoa.ocr.preprocess.Images;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.VeraPdfJudge;

/**
 * OCR benchmark: the same scans through Sohoa (the service's path, and the command line), OCRmyPDF and raw
 * Tesseract (as the command and in-process through Tess4J), measured in the same run on this machine. Every tool
 * gets the same parallelism (the machine's cores), a warm-up pass, and paired rounds: each of its timed passes right
 * after a pass of the command-line floor, the ratio taken per pair and the median reported. Then every output is
 * judged alike: CER against the ground truth (pdftotext of each page), per half of the corpus (constants were tuned
 * on a01–a04; a05–a08 is reported), size per page with its fidelity (SSIM and PSNR of the rendered page against the
 * levelled scan, the CER of a fresh OCR of the rendered page) and veraPDF's verdict. Last, a long bilevel document
 * (42 pages of 200 dpi CCITT G4 by default) through the service, OCRmyPDF and the floor.
 *
 * <pre>
 * bench/ocr [--scans DIR] [--gt DIR] [--clean DIR] [--jar app/target/sohoa.jar] [--lang vie] [--out FILE.md]
 *           [--only set|multipage]     (the floor always runs: every ratio needs it)
 *           [--warm-up 3] [--rounds 5] (service warm-up passes; timed rounds of the set)
 *           [--multipage-pages 42] [--multipage-rounds 3]
 *           [--no-ocrmypdf]            (a quick look at the others)
 * </pre>
 */
public final class OcrBenchmark {

    private static final Pattern CORPUS_NAME = Pattern.compile("s\\d+_(a\\d+)(?:\\+(a\\d+))?_.*");
    /** The half of the corpus the constants (text-layer font size, JPEG quality) were tuned on. */
    static final List<String> TUNING_HALF = List.of("a01", "a02", "a03", "a04");

    private final Path scans;
    private final Path groundTruth;
    private final Path clean;
    private final Path jar;
    private final String languages;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final Path work;
    private String only;
    /** OCRmyPDF takes most of the run's time: {@code --no-ocrmypdf} leaves it out for a quick look at the others. */
    private boolean withOcrmypdf = true;
    private int warmUpPasses = 3;
    private int rounds = 5;
    private int multipagePages = 42;
    private int multipageRounds = 3;

    /** A scan file of the set: its pages' ground-truth ids (a01…) and texts. */
    record Scan(Path file, List<String> pageIds, List<String> pageTruth) {

        String stem() {
            String name = file.getFileName().toString();
            return name.substring(0, name.indexOf('_'));
        }
    }

    /** One page of the set, prepared for the floors (not timed): a PNG, its grey pixels, resolution and truth. */
    record Page(String label, String id, Path png, BufferedImage grey, BufferedImage scan, int dpi, String truth) {

        boolean tuning() {
            return TUNING_HALF.contains(id);
        }
    }

    /** What one tool did with the set: timing, and the judged outputs. */
    record Result(String tool, String how, List<Double> walls, List<Double> ratios, Map<String, Double> pageCer,
                  long outputBytes, int pdfaPassed, int pdfaChecked, Map<String, PageFidelity.Figures> fidelity,
                  Map<String, Double> reOcrCer) {

        double wall() {
            return median(walls);
        }

        double ratio() {
            return median(ratios);
        }

        boolean pdf() {
            return pdfaChecked > 0;
        }
    }

    OcrBenchmark(Path scans, Path groundTruth, Path clean, Path jar, String languages) throws IOException {
        this.scans = scans;
        this.groundTruth = groundTruth;
        this.clean = clean;
        this.jar = jar;
        this.languages = languages;
        this.work = Files.createTempDirectory("sohoa-bench-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        Path shared = Path.of(options.getOrDefault("--shared", "../shared"));
        OcrBenchmark benchmark = new OcrBenchmark(
                Path.of(options.getOrDefault("--scans", shared.resolve("corpus/scans").toString())),
                Path.of(options.getOrDefault("--gt", shared.resolve("corpus/gt").toString())),
                Path.of(options.getOrDefault("--clean", shared.resolve("corpus/clean").toString())),
                Path.of(options.getOrDefault("--jar", "app/target/sohoa.jar")),
                options.getOrDefault("--lang", "vie"));
        benchmark.only = options.get("--only");
        benchmark.withOcrmypdf = !options.containsKey("--no-ocrmypdf");
        benchmark.warmUpPasses = Integer.parseInt(options.getOrDefault("--warm-up", "3"));
        benchmark.rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        benchmark.multipagePages = Integer.parseInt(options.getOrDefault("--multipage-pages", "42"));
        benchmark.multipageRounds = Integer.parseInt(options.getOrDefault("--multipage-rounds", "3"));
        if (benchmark.rounds < 1 || benchmark.warmUpPasses < 0 || benchmark.multipageRounds < 1) {
            throw new IllegalArgumentException("--rounds and --multipage-rounds must be at least 1, --warm-up at least 0");
        }
        if (benchmark.only != null && !List.of("set", "multipage").contains(benchmark.only)) {
            throw new IllegalArgumentException("--only must be set or multipage: " + benchmark.only);
        }
        String report = benchmark.run();
        System.out.println(report);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), report, StandardCharsets.UTF_8);
        }
    }

    String run() throws Exception {
        List<Scan> set = scanSet();
        List<Page> pages = preparePages(set);
        System.err.printf("benchmark: %d files, %d pages, %d cores, work in %s%n", set.size(), pages.size(), cores,
                work);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Machine: %d cores; Tesseract `-l %s` for every tool; %s; %s.%n%n",
                cores, languages, version("tesseract"), available("ocrmypdf") ? "ocrmypdf " + version("ocrmypdf")
                        : "ocrmypdf not installed"));
        try (Service service = Service.start(jar, work, cores)) {
            if (only == null || only.equals("set")) {
                report.append(setTable(set, pages, service));
            }
            if (only == null || only.equals("multipage")) {
                report.append(multipage(service));
            }
        }
        return report.toString();
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
                List<String> ids = new ArrayList<>(List.of(name.group(1)));
                if (name.group(2) != null) {
                    ids.add(name.group(2));
                }
                List<String> truth = new ArrayList<>();
                for (String id : ids) {
                    truth.add(Files.readString(groundTruth.resolve(id + ".txt")));
                }
                set.add(new Scan(file, ids, truth));
            }
        }
        if (set.isEmpty()) {
            throw new IllegalStateException("no scan named sNN_aMM[+aKK]_… in " + scans);
        }
        return set;
    }

    /** Every page decoded once (not timed): PNGs for raw tesseract, grey pixels for Tess4J, the scan for fidelity. */
    List<Page> preparePages(List<Scan> set) throws IOException {
        Path dir = Files.createDirectories(work.resolve("pages"));
        ScanDecoder decoder = new ScanDecoder(IngestLimits.DEFAULTS);
        List<Page> pages = new ArrayList<>();
        for (Scan scan : set) {
            for (PageImage page : decoder.decode(List.of(ScanFile.accept(scan.file().getFileName().toString(),
                    Files.readAllBytes(scan.file()), IngestLimits.DEFAULTS)))) {
                Path png = dir.resolve(scan.stem() + "-" + page.number() + ".png");
                ImageIO.write(page.image(), "png", png.toFile());
                boolean colour = !Images.isBilevel(page.image()) && Images.isColour(page.image());
                BufferedImage opaque = Images.toOpaque(page.image(), colour);
                BufferedImage grey = colour ? Images.toGrey(opaque) : opaque;
                pages.add(new Page(scan.stem() + " p" + page.number(), scan.pageIds().get(page.number() - 1), png,
                        grey, page.image(), page.dpi(), scan.pageTruth().get(page.number() - 1)));
            }
        }
        return pages;
    }

    // ---------------------------------------------------------------- the tools on the set

    /** A tool's pass over the whole set, returning its wall time in seconds. */
    interface Pass {
        double run() throws Exception;
    }

    String setTable(List<Scan> set, List<Page> pages, Service service) throws Exception {
        Path floorDir = Files.createDirectories(work.resolve("floor"));
        Path ocrmypdfDir = Files.createDirectories(work.resolve("ocrmypdf"));
        Path serviceDir = Files.createDirectories(work.resolve("service"));
        Path cliDir = Files.createDirectories(work.resolve("cli"));
        boolean withOcrmypdf = this.withOcrmypdf && available("ocrmypdf");
        Map<String, String> inProcessText = new LinkedHashMap<>();
        try (EnginePerCore engines = new EnginePerCore(cores, languages)) {
            Pass floor = () -> floorCli(pages.stream().map(Page::png).toList(), pages.stream().map(Page::dpi).toList(),
                    floorDir);
            Pass inProcess = () -> engines.recognise(pages, inProcessText);
            Pass ocrmypdf = () -> ocrmypdfSet(set, ocrmypdfDir);
            Pass serviceRound = () -> service.digitize(set, serviceDir);
            Pass cli = () -> cliSet(set, cliDir);
            Map<String, Pass> tools = new LinkedHashMap<>();
            tools.put("floor-cli", floor);
            tools.put("floor-tess4j", inProcess);
            if (withOcrmypdf) {
                tools.put("ocrmypdf", ocrmypdf);
            } else {
                System.err.println("benchmark: ocrmypdf is not installed; its row is left out (apt-get install "
                        + "ocrmypdf)");
            }
            tools.put("service", serviceRound);
            tools.put("cli", cli);

            // warm-up for every tool: page cache, Python imports, model files, and the service's JIT (several passes:
            // a service runs for days, so the compilation of its first pages is not what a clerk waits for)
            for (Map.Entry<String, Pass> tool : tools.entrySet()) {
                int passes = tool.getKey().equals("service") ? Math.max(1, warmUpPasses) : 1;
                for (int i = 0; i < passes; i++) {
                    System.err.printf("benchmark: warm-up %s (%d of %d)%n", tool.getKey(), i + 1, passes);
                    tool.getValue().run();
                }
            }
            // paired rounds: each tool's timed pass right after a floor pass, so that both see the machine at about
            // the same speed; the order of the tools turns from round to round
            Map<String, List<Double>> walls = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            tools.keySet().forEach(k -> {
                walls.put(k, new ArrayList<>());
                ratios.put(k, new ArrayList<>());
            });
            List<String> others = new ArrayList<>(tools.keySet());
            others.remove("floor-cli");
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < others.size(); i++) {
                    String tool = others.get((i + round) % others.size());
                    double floorWall = floor.run();
                    double wall = tools.get(tool).run();
                    walls.get("floor-cli").add(floorWall);
                    walls.get(tool).add(wall);
                    ratios.get("floor-cli").add(1.0);
                    ratios.get(tool).add(wall / floorWall);
                    System.err.printf(Locale.ROOT, "benchmark: round %d, %s: %.2f s/page, floor %.2f s/page (%.2f×)%n",
                            round + 1, tool, wall / pages.size(), floorWall / pages.size(), wall / floorWall);
                }
            }

            List<Result> results = new ArrayList<>();
            Map<String, Double> floorCer = new LinkedHashMap<>();
            for (Page page : pages) {
                floorCer.put(page.label(), Cer.of(page.truth(), Files.readString(textOf(floorDir, page))));
            }
            results.add(new Result("raw tesseract CLI (floor; text only, no PDF)", "`tesseract PAGE.png OUT -l "
                    + languages + " --dpi N`, one process per page, " + cores + " at a time", walls.get("floor-cli"),
                    ratios.get("floor-cli"), floorCer, 0, 0, 0, Map.of(), Map.of()));
            Map<String, Double> tess4jCer = new LinkedHashMap<>();
            for (Page page : pages) {
                tess4jCer.put(page.label(), Cer.of(page.truth(), inProcessText.get(page.label())));
            }
            results.add(new Result("raw Tess4J in-process (floor; text only, no PDF)", "one engine per core, "
                    + "models loaded once, pages decoded beforehand", walls.get("floor-tess4j"),
                    ratios.get("floor-tess4j"), tess4jCer, 0, 0, 0, Map.of(), Map.of()));
            if (withOcrmypdf) {
                results.add(judgePdfs("ocrmypdf " + version("ocrmypdf"), "`--output-type pdfa-2 -l " + languages
                        + " --deskew --rotate-pages -j 1`, " + cores + " files at a time", walls.get("ocrmypdf"),
                        ratios.get("ocrmypdf"), set, pages, ocrmypdfDir));
            }
            results.add(judgePdfs("Sohoa service (HTTP upload → DIGITIZED)", "all files uploaded at once by an API "
                            + "client, " + cores + " OCR workers; " + warmUpPasses + " warm-up passes", walls.get("service"),
                    ratios.get("service"), set, pages, serviceDir));
            results.add(judgePdfs("Sohoa CLI (`sohoa ocr`)", "one JVM per file (`java -jar`), " + cores
                    + " at a time, `-j 1` each, JVM start included", walls.get("cli"), ratios.get("cli"), set, pages,
                    cliDir));
            return table(set, pages, results);
        }
    }

    /**
     * The floor: raw tesseract, one process per page with one thread each, pages in parallel on every core. Each is
     * told its page's resolution ({@code --dpi}): a PNG written by ImageIO carries none, and Tesseract's guess from
     * the letters' height makes its layout analysis of a table page erratic.
     */
    double floorCli(List<Path> images, List<Integer> dpis, Path dir) throws Exception {
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Path image = images.get(i);
            String name = image.getFileName().toString();
            String out = dir.resolve(name.substring(0, name.lastIndexOf('.'))).toString();
            String dpi = String.valueOf(dpis.get(i));
            runs.add(() -> exec(List.of("tesseract", image.toString(), out, "-l", languages, "--dpi", dpi), null));
        }
        return timedInParallel(runs, "tesseract");
    }

    static Path textOf(Path dir, Page page) {
        String name = page.png().getFileName().toString();
        return dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".txt");
    }

    /** OCRmyPDF with its recommended options, one process per file, as many at a time as there are cores. */
    double ocrmypdfSet(List<Scan> set, Path dir) throws Exception {
        List<Callable<Integer>> runs = new ArrayList<>();
        for (Scan scan : set) {
            runs.add(() -> ocrmypdf(scan.file(), dir.resolve(scan.stem() + ".pdf"), 1));
        }
        return timedInParallel(runs, "ocrmypdf");
    }

    int ocrmypdf(Path input, Path output, int jobs) throws Exception {
        return exec(List.of("ocrmypdf", "-q", "--output-type", "pdfa-2", "-l", languages, "--deskew",
                "--rotate-pages", "-j", String.valueOf(jobs), input.toString(), output.toString()), null);
    }

    /** The command line: one JVM per file, as many at a time as there are cores, each with one OCR worker. */
    double cliSet(List<Scan> set, Path dir) throws Exception {
        List<Callable<Integer>> runs = new ArrayList<>();
        for (Scan scan : set) {
            runs.add(() -> exec(List.of(javaBin(), "-XX:G1HeapRegionSize=8m", "-jar", jar.toString(), "ocr", "-j", "1",
                    "-l", languages, scan.file().toString(), "-o", dir.resolve(scan.stem() + ".pdf").toString()),
                    null));
        }
        return timedInParallel(runs, "sohoa ocr");
    }

    /** Runs the commands {@code cores} at a time and returns the wall time; any non-zero exit fails the benchmark. */
    double timedInParallel(List<Callable<Integer>> runs, String what) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            for (Future<Integer> run : pool.invokeAll(runs)) {
                if (run.get() != 0) {
                    throw new IllegalStateException(what + " failed (exit " + run.get() + ")");
                }
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Raw Tesseract through Tess4J in this JVM: one engine per core, each loaded once and kept (the ocr module's pool). */
    static final class EnginePerCore implements AutoCloseable {
        private final OcrEnginePool pool;

        EnginePerCore(int cores, String languages) {
            this.pool = new OcrEnginePool(cores, () -> new TesseractOcrEngine(OcrOptions.defaults().tessdata(), languages));
        }

        double recognise(List<Page> pages, Map<String, String> texts) throws Exception {
            long start = System.nanoTime();
            List<Future<String>> read = new ArrayList<>();
            for (Page page : pages) {
                read.add(pool.submit(engine -> String.join("\n", engine.recognize(page.grey(), page.dpi()).lines()
                        .stream().map(OcrLine::text).toList())));
            }
            for (int i = 0; i < pages.size(); i++) {
                texts.put(pages.get(i).label(), read.get(i).get());
            }
            return (System.nanoTime() - start) / 1e9;
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    // ---------------------------------------------------------------- the service

    /** The service jar on its embedded defaults in a fresh data directory, with an API key for the bench agency. */
    static final class Service implements AutoCloseable {
        private final Process process;
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String auth;
        private int dossiers;
        /** How long each one-paper upload took to be answered (checked, judged, stored raw). */
        final List<Double> uploadAnswered = new ArrayList<>();

        private Service(Process process, String base, String auth) {
            this.process = process;
            this.base = base;
            this.auth = auth;
        }

        static Service start(Path jar, Path work, int cores) throws Exception {
            int port = ServiceProcess.freePort();
            Path log = work.resolve("service.log");
            // the launcher's JVM options, then the bench's own (a flight recording, another heap layout) over them
            List<String> command = new ArrayList<>(List.of(javaBin(), "-XX:G1HeapRegionSize=8m"));
            String javaOptions = System.getenv("SOHOA_BENCH_JAVA_OPTS");
            if (javaOptions != null && !javaOptions.isBlank()) {
                command.addAll(List.of(javaOptions.strip().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                    "--sohoa.home=" + work.resolve("service-home"), "--sohoa.bootstrap.demo-password=bench",
                    "--sohoa.bootstrap.admin-password=bench", "--db-scheduler.threads=" + cores));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            builder.environment().put("SOHOA_PROFILE", "dev"); // a benchmark runs on development keys and demo data
            Process process = builder.start();
            String base = "http://127.0.0.1:" + port;
            try {
                HttpClient http = HttpClient.newHttpClient();
                ServiceProcess.awaitReady(http, base, process);
                // an API key, as other systems integrate: HTTP Basic would cost a bcrypt check on every status poll
                return new Service(process, base,
                        "Bearer " + ServiceProcess.apiKey(http, base, "bench", "bench", "000.00.30.H42"));
            } catch (Exception e) {
                process.destroy();
                throw new IllegalStateException(e.getMessage() + "; the service's log: " + log, e);
            }
        }

        /** Uploads every file into a new dossier at once and waits for all to be DIGITIZED; keeps the PDFs. */
        double digitize(List<Scan> set, Path dir) throws Exception {
            String dossier = registerDossier(++dossiers);
            Map<Scan, String> ids = new LinkedHashMap<>();
            long start = System.nanoTime();
            for (Scan scan : set) {
                ids.put(scan, field(send(multipart(base + "/api/v1/dossiers/" + dossier + "/documents", scan.file(),
                        scan.stem()), 202), "id"));
            }
            awaitDossierDigitized(dossier, ids.size());
            double wall = (System.nanoTime() - start) / 1e9;
            for (Map.Entry<Scan, String> entry : ids.entrySet()) {
                download(entry.getValue(), dir.resolve(entry.getKey().stem() + ".pdf"));
            }
            return wall;
        }

        /** Uploads one file as one paper and waits for it to be DIGITIZED; keeps the PDF. */
        double digitize(Path file, Path pdf) throws Exception {
            String dossier = registerDossier(++dossiers);
            long start = System.nanoTime();
            String id = field(send(multipart(base + "/api/v1/dossiers/" + dossier + "/documents", file, "document"),
                    202), "id");
            uploadAnswered.add((System.nanoTime() - start) / 1e9);
            awaitDossierDigitized(dossier, 1);
            double wall = (System.nanoTime() - start) / 1e9;
            download(id, pdf);
            return wall;
        }

        /** The service's peak resident memory so far (VmHWM), in MB. */
        long peakResidentMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return -1;
        }

        private void download(String id, Path pdf) throws Exception {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/"
                    + id + "/pdf")).header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            Files.write(pdf, response.body());
        }

        /**
         * Polls the dossier (one request for all its documents, every 100 ms, as an integrator following a dossier
         * would) until its {@code count} documents are DIGITIZED.
         */
        private void awaitDossierDigitized(String dossier, int count) throws Exception {
            Pattern status = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
            while (true) {
                Thread.sleep(100);
                Matcher statuses = status.matcher(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers/"
                        + dossier)).header("Authorization", auth).GET().build(), 200));
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

        private String registerDossier(int number) throws Exception {
            String code = String.format(Locale.ROOT, "000.00.30.H42-261123-%04d", number);
            send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers")).header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"agencyCode\":"
                            + "\"000.00.30.H42\",\"receivedAt\":\"2026-11-23T09:00:00+07:00\"}")).build(), 201);
            return code;
        }

        private String send(HttpRequest request, int expected) throws Exception {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }

        private HttpRequest multipart(String url, Path file, String title) {
            String boundary = "bench-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                        + title + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
                        + "filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/octet-stream"
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(Files.readAllBytes(file));
                body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    // ---------------------------------------------------------------- judging

    /**
     * CER of pdftotext per page, size, veraPDF, and fidelity: each page rendered grey at the scan's resolution,
     * against the levelled scan (SSIM, PSNR), and read again by raw tesseract (CER of the re-OCR).
     */
    Result judgePdfs(String tool, String how, List<Double> walls, List<Double> ratios, List<Scan> set,
                     List<Page> pages, Path dir) throws Exception {
        Map<String, Double> cer = new LinkedHashMap<>();
        Map<String, PageFidelity.Figures> fidelity = new LinkedHashMap<>();
        Map<String, Double> reOcr = new LinkedHashMap<>();
        long bytes = 0;
        int passed = 0;
        Path rendered = Files.createDirectories(dir.resolve("rendered"));
        List<Callable<Integer>> reads = new ArrayList<>();
        int index = 0;
        for (Scan scan : set) {
            Path pdf = dir.resolve(scan.stem() + ".pdf");
            byte[] content = Files.readAllBytes(pdf);
            bytes += content.length;
            if (VeraPdfJudge.pdfA2bFailures(content).isEmpty()) {
                passed++;
            }
            try (PDDocument document = Loader.loadPDF(content)) {
                PDFRenderer renderer = new PDFRenderer(document);
                for (int n = 1; n <= scan.pageTruth().size(); n++) {
                    Page page = pages.get(index++);
                    cer.put(page.label(), Cer.of(page.truth(), pageText(pdf, n, dir.resolve(scan.stem() + "-" + n
                            + ".txt"))));
                    BufferedImage image = renderer.renderImageWithDPI(n - 1, page.dpi(), ImageType.GRAY);
                    fidelity.put(page.label(), PageFidelity.of(page.scan(), image));
                    Path png = rendered.resolve(scan.stem() + "-" + n + ".png");
                    ImageIO.write(image, "png", png.toFile());
                    String dpi = String.valueOf(page.dpi());
                    reads.add(() -> exec(List.of("tesseract", png.toString(), png.toString().replace(".png", ""),
                            "-l", languages, "--dpi", dpi), null));
                }
            }
        }
        timedInParallel(reads, "tesseract (re-OCR)");
        for (Page page : pages) {
            reOcr.put(page.label(), Cer.of(page.truth(), Files.readString(textOf(rendered, page))));
        }
        return new Result(tool, how, walls, ratios, cer, bytes, passed, set.size(), fidelity, reOcr);
    }

    // ---------------------------------------------------------------- the tables

    String table(List<Scan> set, List<Page> pages, List<Result> results) {
        Result floor = results.get(0);
        Result ocrmypdf = results.stream().filter(r -> r.tool().startsWith("ocrmypdf")).findFirst().orElse(null);
        int n = pages.size();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### The corpus scans: %s (%d files, %d pages)%n%n", scans,
                set.size(), n));
        out.append(String.format(Locale.ROOT, "Every tool: %d at a time (the cores), a warm-up pass, then %d timed "
                + "passes, each right after a pass of the CLI floor; wall time and × floor are the medians of the "
                + "passes and of the paired ratios.%n%n", cores, rounds));
        out.append("| tool | wall s/page | pages/min | × floor (paired) | × ocrmypdf pages/min | mean CER | CER tuning "
                + "half | CER reporting half | worst page CER | KB/page | SSIM | PSNR dB | re-OCR CER | veraPDF "
                + "PDF/A-2B | how |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Result r : results) {
            double perPage = r.wall() / n;
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.2f | %s | %.4f | %.4f | %.4f | %.4f | %s | %s "
                            + "| %s | %s | %s | %s; passes %s |%n",
                    r.tool(), perPage, 60 / perPage, r.ratio(),
                    ocrmypdf == null ? "–" : String.format(Locale.ROOT, "%.2f", ocrmypdf.wall() / r.wall()),
                    mean(r.pageCer(), pages, null), mean(r.pageCer(), pages, true), mean(r.pageCer(), pages, false),
                    r.pageCer().values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    r.pdf() ? String.format(Locale.ROOT, "%.0f", r.outputBytes() / 1024.0 / n) : "–",
                    r.pdf() ? String.format(Locale.ROOT, "%.4f", r.fidelity().values().stream()
                            .mapToDouble(PageFidelity.Figures::ssim).average().orElseThrow()) : "–",
                    r.pdf() ? String.format(Locale.ROOT, "%.2f", r.fidelity().values().stream()
                            .mapToDouble(PageFidelity.Figures::psnr).average().orElseThrow()) : "–",
                    r.pdf() ? String.format(Locale.ROOT, "%.4f", mean(r.reOcrCer(), pages, null)) : "–",
                    r.pdf() ? r.pdfaPassed() + "/" + r.pdfaChecked() : "–", r.how(),
                    String.join(", ", r.walls().stream().map(w -> String.format(Locale.ROOT, "%.2f", w / n)).toList())
                            + " s/page" + (r == floor ? "" : " (" + String.join(", ", r.ratios().stream()
                            .map(x -> String.format(Locale.ROOT, "%.2f×", x)).toList()) + ")")));
        }
        out.append(String.format(Locale.ROOT, "%nThe floor's passes: %d, median %.2f s/page.%n", floor.walls().size(),
                floor.wall() / n));
        out.append("\nPer page: CER of pdftotext (or of the floor's text), then for the PDFs SSIM / re-OCR CER:\n\n"
                + "| page | half |");
        results.forEach(r -> out.append(" ").append(r.tool()).append(" |"));
        out.append("\n|---|---|");
        results.forEach(r -> out.append("---:|"));
        out.append('\n');
        for (Page page : pages) {
            out.append("| ").append(page.label()).append(" (").append(page.id()).append(") | ")
                    .append(page.tuning() ? "tuning" : "reporting").append(" |");
            for (Result r : results) {
                out.append(String.format(Locale.ROOT, " %.4f", r.pageCer().get(page.label())));
                if (r.pdf()) {
                    out.append(String.format(Locale.ROOT, " / %.3f / %.4f", r.fidelity().get(page.label()).ssim(),
                            r.reOcrCer().get(page.label())));
                }
                out.append(" |");
            }
            out.append('\n');
        }
        return out.append('\n').toString();
    }

    /** The mean over the pages of one half ({@code tuning} true or false) or of all ({@code null}). */
    static double mean(Map<String, Double> values, List<Page> pages, Boolean tuning) {
        return pages.stream().filter(p -> tuning == null || p.tuning() == tuning)
                .mapToDouble(p -> values.get(p.label())).average().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------- a long bilevel document

    String multipage(Service service) throws Exception {
        Path dir = Files.createDirectories(work.resolve("multipage"));
        G4Document.Made document = G4Document.make(clean, multipagePages, dir);
        Path floorDir = Files.createDirectories(dir.resolve("floor"));
        Path servicePdf = dir.resolve("service.pdf");
        Path ocrmypdfPdf = dir.resolve("ocrmypdf.pdf");
        boolean withOcrmypdf = this.withOcrmypdf && available("ocrmypdf");
        List<Integer> dpis = document.pages().stream().map(page -> 200).toList();
        Pass floor = () -> floorCli(document.pages(), dpis, floorDir);
        Map<String, Pass> tools = new LinkedHashMap<>();
        tools.put("service", () -> service.digitize(document.tiff(), servicePdf));
        if (withOcrmypdf) {
            tools.put("ocrmypdf", () -> {
                long start = System.nanoTime();
                if (ocrmypdf(document.tiff(), ocrmypdfPdf, cores) != 0) {
                    throw new IllegalStateException("ocrmypdf failed on " + document.tiff());
                }
                return (System.nanoTime() - start) / 1e9;
            });
        }
        System.err.println("benchmark: warm-up of the multi-page document");
        floor.run();
        for (Pass tool : tools.values()) {
            tool.run();
        }
        Map<String, List<Double>> walls = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        List<Double> floorWalls = new ArrayList<>();
        List<String> names = new ArrayList<>(tools.keySet());
        for (int round = 0; round < multipageRounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String tool = names.get((i + round) % names.size());
                double floorWall = floor.run();
                double wall = tools.get(tool).run();
                floorWalls.add(floorWall);
                walls.computeIfAbsent(tool, k -> new ArrayList<>()).add(wall);
                ratios.computeIfAbsent(tool, k -> new ArrayList<>()).add(wall / floorWall);
                System.err.printf(Locale.ROOT, "benchmark: multi-page round %d, %s: %.1f s, floor %.1f s (%.2f×)%n",
                        round + 1, tool, wall, floorWall, wall / floorWall);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### One long bilevel document: %d pages, 200 dpi, CCITT G4, one TIFF "
                + "(%d KB; the clean pages a01–a08 in turn, each tilted by up to ±1°)%n%n", multipagePages,
                Files.size(document.tiff()) / 1024));
        out.append("| tool | wall s | s/page | × floor (paired) | mean CER | KB/page | how |\n|---|---:|---:|---:|---:|---:|---|\n");
        out.append(String.format(Locale.ROOT, "| raw tesseract CLI (floor; text only) | %.1f | %.2f | 1.00 | %.4f | – | "
                        + "one process per page (one-page G4 TIFFs), %d at a time; passes %s s |%n", median(floorWalls),
                median(floorWalls) / multipagePages, multipageCer(document, floorDir), cores,
                String.join(", ", floorWalls.stream().map(w -> String.format(Locale.ROOT, "%.1f", w)).toList())));
        for (String tool : names) {
            Path pdf = tool.equals("service") ? servicePdf : ocrmypdfPdf;
            String how = tool.equals("service") ? "uploaded as one paper over HTTP, until DIGITIZED; peak resident "
                    + "memory of the service " + service.peakResidentMb() + " MB; the upload answered in "
                    + String.format(Locale.ROOT, "%.1f s", median(service.uploadAnswered))
                    : "`--output-type pdfa-2 -l " + languages + " --deskew --rotate-pages -j " + cores + "`";
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.2f | %.4f | %.0f | %s; passes %s |%n",
                    tool.equals("service") ? "Sohoa service" : "ocrmypdf", median(walls.get(tool)),
                    median(walls.get(tool)) / multipagePages, median(ratios.get(tool)), pdfCer(document, pdf, dir),
                    Files.size(pdf) / 1024.0 / multipagePages, how,
                    String.join(", ", walls.get(tool).stream().map(w -> String.format(Locale.ROOT, "%.1f", w))
                            .toList()) + " s"));
        }
        return out.append('\n').toString();
    }

    /** The floor's mean CER over the document: page i's text is next to its one-page TIFF's name. */
    private double multipageCer(G4Document.Made document, Path textDir) throws IOException {
        double sum = 0;
        for (int i = 0; i < document.pages().size(); i++) {
            String name = document.pages().get(i).getFileName().toString();
            sum += Cer.of(Files.readString(groundTruth.resolve(document.pageIds().get(i) + ".txt")),
                    Files.readString(textDir.resolve(name.substring(0, name.lastIndexOf('.')) + ".txt")));
        }
        return sum / document.pages().size();
    }

    private double pdfCer(G4Document.Made document, Path pdf, Path dir) throws Exception {
        double sum = 0;
        for (int i = 0; i < document.pages().size(); i++) {
            sum += Cer.of(Files.readString(groundTruth.resolve(document.pageIds().get(i) + ".txt")),
                    pageText(pdf, i + 1, dir.resolve("page-text.txt")));
        }
        return sum / document.pages().size();
    }

    /** Page {@code number} of the PDF as pdftotext reads it, written to {@code text} and returned. */
    static String pageText(Path pdf, int number, Path text) throws Exception {
        exec(List.of("pdftotext", "-enc", "UTF-8", "-f", String.valueOf(number), "-l", String.valueOf(number),
                pdf.toString(), text.toString()), null);
        return Files.readString(text);
    }

    // ---------------------------------------------------------------- helpers

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
