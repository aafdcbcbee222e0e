package vn.sohoa.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the statistics answer with millions of dossiers in PostgreSQL: loads a synthetic province with the
 * service's own generator ({@code sohoa generate-facts}) into a schema of its own (once; later runs reuse it), starts
 * the service on that schema, and times the province's dashboard page and its API, sequentially, after a warm-up.
 * Goal of the statistics issue: p95 under 500 ms with 5 million dossiers.
 *
 * <pre>bench/statistics [--dossiers 5000000] [--requests 100] [--schema sohoa_bench_stats] [--out FILE.md]</pre>
 */
public final class StatisticsBenchmark {

    private static final String PROVINCE = "000.00.00.Z99";
    private static final String COMMUNE = "001.01.01.Z99";
    private static final String ADMIN_PASSWORD = "bench-admin-pass";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        long dossiers = Long.parseLong(options.getOrDefault("--dossiers", "5000000"));
        int requests = Integer.parseInt(options.getOrDefault("--requests", "100"));
        String schema = options.getOrDefault("--schema", "sohoa_bench_stats");
        Path jar = Path.of(options.getOrDefault("--jar", "app/target/sohoa.jar"));
        String pgUrl = options.getOrDefault("--pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
        String pgUser = options.getOrDefault("--pg-user", "postgres");
        if (!schema.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("--schema: lower-case letters, digits and '_' only");
        }
        String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&reWriteBatchedInserts=true";
        Path home = Files.createTempDirectory("sohoa-bench-stats-");

        long present;
        try (Connection db = DriverManager.getConnection(pgUrl, pgUser, "")) {
            try (Statement statement = db.createStatement()) {
                statement.execute("create schema if not exists " + schema);
            }
            present = generatedDossiers(db, schema);
        }
        if (present == 0) {
            System.err.println("bench/statistics: generating " + dossiers + " dossiers into schema " + schema
                    + " (once; later runs reuse them)…");
            ProcessBuilder generate = new ProcessBuilder(ServiceProcess.java(), "-XX:G1HeapRegionSize=8m", "-jar", jar.toString(),
                    "generate-facts", "--dossiers", String.valueOf(dossiers)).inheritIO();
            environment(generate.environment(), url, pgUser, home);
            int exit = generate.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("generate-facts failed with exit " + exit);
            }
        }
        try (Connection db = DriverManager.getConnection(pgUrl, pgUser, "")) {
            present = generatedDossiers(db, schema);
        }

        int port = ServiceProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-XX:G1HeapRegionSize=8m", "-jar", jar.toString(),
                "--server.port=" + port, "--sohoa.bootstrap.demo-data=false",
                // the bench's one API client asks as fast as it can: the per-client limit would time the limiter
                "--sohoa.security.api-rate=1000000", "--sohoa.security.api-burst=1000000"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("service.log").toFile());
        environment(builder.environment(), url, pgUser, home);
        Process service = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ServiceProcess.awaitReady(http, base, service);
            String key = ServiceProcess.apiKey(http, base, ADMIN_PASSWORD, "bench", PROVINCE);
            signIn(http, base);

            String year = String.valueOf(YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
            YearMonth now = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            String quarter = year + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
            Map<String, HttpRequest> endpoints = new LinkedHashMap<>();
            endpoints.put("dashboard page, province, year (HTML, signed in)", get(base + "/statistics?unit="
                    + PROVINCE + "&period=" + year, null));
            endpoints.put("API indicators, province, year", get(base + "/api/v1/statistics/indicators?unit="
                    + PROVINCE + "&period=" + year, key));
            endpoints.put("API indicators, province, quarter", get(base + "/api/v1/statistics/indicators?unit="
                    + PROVINCE + "&period=" + quarter, key));
            endpoints.put("API indicators, province, previous year (districts and merged communes)",
                    get(base + "/api/v1/statistics/indicators?unit=" + PROVINCE + "&period="
                            + (Integer.parseInt(year) - 1), key));
            endpoints.put("API trend, province, 12 months", get(base + "/api/v1/statistics/indicators/trend?unit="
                    + PROVINCE + "&from=" + now.minusMonths(11) + "&to=" + now, key));
            endpoints.put("API indicators, one commune, year", get(base + "/api/v1/statistics/indicators?unit="
                    + COMMUNE + "&period=" + year, key));
            endpoints.put("CSV export, province, year", get(base + "/api/v1/statistics/indicators/export.csv?unit="
                    + PROVINCE + "&period=" + year, key));

            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "Statistics benchmark: %,d dossiers in PostgreSQL (schema %s), "
                    + "%d requests per row after %d warm-up, one at a time%n%n", present, schema, requests, 20));
            table.append("| request | p50 ms | p95 ms | max ms | goal p95 < 500 ms |\n|---|---:|---:|---:|---|\n");
            boolean allMet = true;
            for (Map.Entry<String, HttpRequest> endpoint : endpoints.entrySet()) {
                for (int i = 0; i < 20; i++) {
                    send(http, endpoint.getValue());
                }
                double[] millis = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    send(http, endpoint.getValue());
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(millis);
                double p95 = millis[(int) Math.ceil(0.95 * requests) - 1];
                allMet &= p95 < 500;
                table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s |%n", endpoint.getKey(),
                        millis[requests / 2], p95, millis[requests - 1], p95 < 500 ? "met" : "NOT met"));
            }
            table.append(String.format(Locale.ROOT, "%nGoal (p95 < 500 ms for the province dashboard and its API "
                    + "with 5 million dossiers): %s%n", allMet && present >= 5_000_000 ? "met"
                    : allMet ? "met for " + present + " dossiers (fewer than 5 million)" : "NOT met"));
            System.out.print(table);
            if (options.containsKey("--out")) {
                Files.writeString(Path.of(options.get("--out")), table, StandardCharsets.UTF_8);
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static long generatedDossiers(Connection db, String schema) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet tables = statement.executeQuery("select count(*) from information_schema.tables where "
                     + "table_schema = '" + schema + "' and table_name = 'dossier_facts'")) {
            tables.next();
            if (tables.getLong(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from " + schema + ".dossier_facts "
                     + "where dossier_code like '%.Z99-%'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void environment(Map<String, String> env, String url, String user, Path home) {
        env.put("SOHOA_DB_URL", url);
        env.put("SOHOA_DB_USER", user);
        env.put("SOHOA_DB_PASSWORD", "");
        env.put("SOHOA_HOME", home.toString());
        env.put("SOHOA_PROFILE", "dev"); // a benchmark runs on development keys and demo data
        env.put("SOHOA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("OMP_THREAD_LIMIT", "1");
    }

    private static HttpRequest get(String url, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder.build();
    }

    private static void send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }



    /** Signs in through the login form, as a browser does, so that the page is timed with a session. */
    private static void signIn(HttpClient http, String base) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }



    private StatisticsBenchmark() {
    }
}
