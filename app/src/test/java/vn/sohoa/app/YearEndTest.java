package vn.sohoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The guard of the date-sensitive features at the turn of a year in Vietnam: the service's clock is moved to
 * 31 December 23:59:30 and to 1 January 00:00:30 Vietnam time (16:59:30 and 17:00:30 UTC on 31 December, so a
 * date taken in UTC or in the JVM's zone would be wrong on one side), and register numbering, statistics periods,
 * competence, statement template effective dates, reuse validity and key expiry warnings are checked through the
 * HTTP API of a running service. Tagged {@code any-date}: the build runs it once with the JVM in UTC and once in
 * Asia/Ho_Chi_Minh. The year is this year (Vietnam time), so the test crosses a different year's end each year.
 */
@Tag("any-date")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(YearEndTest.MovedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearEndTest {

    static final int PORT = EndToEndTest.freePort();
    // the demo commune and its accounts, as the end-to-end test signs in
    static final String AGENCY = EndToEndTest.AGENCY;
    static final String CLERK = EndToEndTest.CLERK;
    static final String CERTIFIER = EndToEndTest.CERTIFIER;
    static final String SUPERVISOR = EndToEndTest.SUPERVISOR;
    static final String ADMIN = EndToEndTest.ADMIN;
    static final String DISTRICT = "000.00.20.H42";
    static final String DISTRICT_CERTIFIER = SohoaHttpClient.basic("district-certifier", "district-own-pass-1");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final int YEAR = LocalDate.now(VietnamTime.ZONE).getYear();
    static final int NEXT = YEAR + 1;
    static final Instant LAST_SECONDS = OffsetDateTime.of(YEAR, 12, 31, 23, 59, 30, 0, VietnamTime.OFFSET)
            .toInstant();
    static final Instant FIRST_SECONDS = OffsetDateTime.of(NEXT, 1, 1, 0, 0, 30, 0, VietnamTime.OFFSET).toInstant();
    /** The service starts a quarter of an hour before the year's end: the development PKI is made then. */
    static final MovableClock CLOCK = new MovableClock(LAST_SECONDS.minus(Duration.ofMinutes(15)));

    static final String DOSSIER = "%s-%02d1231-0001".formatted(AGENCY, YEAR % 100);
    static final String SECOND_DOSSIER = "%s-%02d1231-0002".formatted(AGENCY, YEAR % 100);
    static final String CITIZEN = "048190000321";
    static final String LOOKUP = "/api/v1/reusable-papers?dossierCode=%s-%02d1231-0002&citizenId=%s"
            .formatted(AGENCY, YEAR % 100, CITIZEN);

    static String documentId;

    /** The service's clock for this test: the system's pace, shifted to wherever the test sets it. */
    static final class MovableClock extends Clock {

        private volatile Duration offset;

        MovableClock(Instant now) {
            set(now);
        }

        void set(Instant now) {
            offset = Duration.between(Instant.now(), now);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        @Primary
        Clock movedClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EndToEndTest.embeddedDefaults(registry, PORT, EndToEndTest.temporaryHome());
    }

    @Autowired
    JdbcClient jdbc;
    SohoaHttpClient api;

    @BeforeEach
    void client() {
        api = new SohoaHttpClient("http://127.0.0.1:" + PORT);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void aPaperIsDigitizedOnTheLastEveningOfTheYear() throws Exception {
        for (String code : new String[]{DOSSIER, SECOND_DOSSIER}) {
            HttpResponse<String> created = api.postJson("/api/v1/dossiers", CLERK, """
                    {"code":"%s","agencyCode":"%s","receivedAt":"%d-12-31T23:45:00+07:00",
                     "applicant":{"fullName":"Lê Văn Cuối","idType":"CCCD","idNumber":"%s"}}"""
                    .formatted(code, AGENCY, YEAR, CITIZEN));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        assertThat(json(api.get("/api/v1/dossiers/next-code?agencyCode=" + AGENCY, CLERK)).get("code").asString())
                .as("the next code is of the service's day in Vietnam").isEqualTo(
                        "%s-%02d1231-0003".formatted(AGENCY, YEAR % 100));
        // a born-digital PDF keeps its own text: digitized without Tesseract (the OCR path has its own tests)
        HttpResponse<String> accepted = api.postMultipart("/api/v1/dossiers/" + DOSSIER + "/documents", CLERK,
                new String[][]{{"title", "Giấy khai sinh"}, {"citizenId", CITIZEN}, {"paperType", "GIAY_KHAI_SINH"},
                        {"validUntil", YEAR + "-12-31"}},
                new Object[][]{{"files", "a03.pdf", Files.readAllBytes(SharedCorpus.corpus("src/a03.pdf"))}});
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        documentId = json(accepted).get("id").asString();
        JsonNode status = api.awaitFinished(documentId, CLERK, Duration.ofMinutes(2));
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DIGITIZED");
    }

    @Test
    @Order(2)
    void theRegisterStartsAgainAtOneOnTheFirstOfJanuaryInVietnam() throws Exception {
        CLOCK.set(LAST_SECONDS);
        // a new fee rate from 1 January: the copy of 31 December is charged at the old one, that of 1 January at it
        String rate = """
                {"effectiveFrom":"%s","firstPagesVnd":3000,"firstPages":1,"laterPagesVnd":1500,"capVnd":300000,
                 "legalBasis":"Thông tư mới về phí chứng thực (demo)"}""";
        HttpResponse<String> todayRate = api.postJson("/api/v1/fee-schedules", ADMIN,
                rate.formatted(LocalDate.of(YEAR, 12, 31)));
        assertThat(todayRate.statusCode()).as("a rate cannot begin today").isEqualTo(400);
        assertThat(json(todayRate).get("field").asString()).isEqualTo("effectiveFrom");
        assertThat(api.postJson("/api/v1/fee-schedules", CERTIFIER, rate.formatted(LocalDate.of(NEXT, 1, 1)))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> added = api.postJson("/api/v1/fee-schedules", ADMIN,
                rate.formatted(LocalDate.of(NEXT, 1, 1)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).get("inForce").asBoolean()).isFalse();

        JsonNode december = certify();
        assertThat(december.get("feeLine").asString()).endsWith("(Thông tư 226/2016/TT-BTC)");
        assertThat(december.get("year").asInt()).isEqualTo(YEAR);
        assertThat(december.get("registerNumber").asLong()).isEqualTo(1);
        assertThat(OffsetDateTime.parse(december.get("certifiedAt").asString()).toLocalDate())
                .isEqualTo(LocalDate.of(YEAR, 12, 31));
        assertThat(statement(december)).contains("Ngày 31 tháng 12 năm " + YEAR);

        CLOCK.set(FIRST_SECONDS);
        JsonNode january = certify();
        assertThat(january.get("feeLine").asString()).contains(" trang: 1 × 3.000 đ")
                .endsWith("(Thông tư mới về phí chứng thực (demo))");
        assertThat(january.get("feeVnd").asLong()).isGreaterThan(december.get("feeVnd").asLong());
        assertThat(json(api.get("/api/v1/fee-schedules", CLERK)).findValuesAsString("legalBasis"))
                .containsExactly("Thông tư 226/2016/TT-BTC", "Thông tư mới về phí chứng thực (demo)");
        assertThat(january.get("year").asInt()).isEqualTo(NEXT);
        assertThat(january.get("registerNumber").asLong()).isEqualTo(1);
        assertThat(OffsetDateTime.parse(january.get("certifiedAt").asString()).toLocalDate())
                .isEqualTo(LocalDate.of(NEXT, 1, 1));
        assertThat(statement(january)).contains("Ngày 01 tháng 01 năm " + NEXT);

        for (int year : new int[]{YEAR, NEXT}) {
            JsonNode register = json(api.get("/api/v1/registers/" + AGENCY + "/ELECTRONIC_COPY/" + year, CERTIFIER));
            assertThat(register.get("state").get("lastNumber").asLong()).as("register of %d", year).isEqualTo(1);
        }
    }

    JsonNode certify() throws Exception {
        HttpResponse<String> certified = api.postJson("/api/v1/documents/" + documentId + "/certifications", CERTIFIER, EndToEndTest.REQUEST);
        assertThat(certified.statusCode()).as(certified.body()).isEqualTo(201);
        return json(certified);
    }

    String statement(JsonNode copy) throws Exception {
        HttpResponse<byte[]> pdf = api.getBytes("/api/v1/certified-copies/" + copy.get("id").asString() + "/pdf",
                CERTIFIER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        return EndToEndTest.text(pdf.body());
    }

    @Test
    @Order(3)
    void statisticsCountEachEventInItsVietnameseMonth() throws Exception {
        JsonNode december = figures(YearMonth.of(YEAR, 12));
        assertThat(december.get("received").asLong()).isEqualTo(2);
        assertThat(december.get("digitized").asLong()).isEqualTo(1);
        assertThat(december.get("certifiedCopies").asLong()).isEqualTo(1);
        JsonNode january = figures(YearMonth.of(NEXT, 1));
        assertThat(january.get("received").asLong()).isZero();
        assertThat(january.get("certifiedCopies").asLong()).isEqualTo(1);
    }

    JsonNode figures(YearMonth month) throws Exception {
        HttpResponse<String> report = api.get("/api/v1/statistics/digitization?unit=" + AGENCY + "&period=" + month,
                SUPERVISOR);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        return json(report).get("total");
    }

    @Test
    @Order(4)
    void competenceIsJudgedOnTheDateInVietnam() throws Exception {
        HttpResponse<String> agency = api.postJson("/api/v1/agencies", ADMIN, """
                {"code":"%s","name":"UBND huyện Thử (demo)","level":"DISTRICT","parentCode":"000.00.00.H42"}"""
                .formatted(DISTRICT));
        assertThat(agency.statusCode()).as(agency.body()).isEqualTo(201);
        HttpResponse<String> user = api.postJson("/api/v1/users", ADMIN, """
                {"username":"district-certifier","fullName":"Lê Văn Cường","title":"Trưởng phòng Tư pháp",
                 "role":"CERTIFIER","office":"JUSTICE_OFFICE_HEAD","agencyCode":"%s",
                 "password":"district-pass-1234"}""".formatted(DISTRICT));
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/me/password", SohoaHttpClient.basic("district-certifier",
                "district-pass-1234"), "{\"currentPassword\":\"district-pass-1234\",\"newPassword\":"
                + "\"district-own-pass-1\"}").statusCode()).as("the administrator's password is temporary")
                .isEqualTo(204);
        assertThat(api.send("PUT", "/api/v1/me/signing-pin", DISTRICT_CERTIFIER, "application/json",
                "{\"password\":\"district-own-pass-1\",\"newPin\":\"district-pin-1\"}").statusCode())
                .as("a certifier chooses a signing PIN at first sign-in").isEqualTo(204);
        // a paper of the district digitized before the reform, as the district's desk left it
        String dossier = DISTRICT + "-250630-0001";
        String paper = UUID.randomUUID().toString();
        jdbc.sql("insert into dossiers (code, agency_code, received_at, created_by) values (?, ?, ?, 'clerk')")
                .params(dossier, DISTRICT, OffsetDateTime.parse("2025-06-30T09:00:00+07:00")).update();
        jdbc.sql("insert into documents (id, dossier_code, title, status, uploaded_by) "
                + "values (?, ?, 'Giấy khai sinh', 'DIGITIZED', 'clerk')").params(paper, dossier).update();

        CLOCK.set(LAST_SECONDS);
        assertRefusedOn(paper, LocalDate.of(YEAR, 12, 31));
        CLOCK.set(FIRST_SECONDS);
        assertRefusedOn(paper, LocalDate.of(NEXT, 1, 1));
    }

    void assertRefusedOn(String paper, LocalDate day) throws Exception {
        HttpResponse<String> refused = api.postJson("/api/v1/documents/" + paper + "/certifications",
                DISTRICT_CERTIFIER, EndToEndTest.REQUEST);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).get("detail").asString()).contains("DISTRICT").endsWith("on " + day);
    }

    @Test
    @Order(5)
    void aStatementTemplateTakesEffectAtMidnightInVietnam() throws Exception {
        String lines = "[\"Chứng thực bản sao đúng với bản chính.\",\"Số chứng thực: {number} Quyển số: {book}\","
                + "\"Ngày {day} tháng {month} năm {year}\",\"{certifierTitle}\",\"{signature}\","
                + "\"{certifierName}\",\"{agencyName}\"]";
        CLOCK.set(LAST_SECONDS);
        assertThat(addTemplate(NEXT + ".9", LocalDate.of(YEAR, 12, 31), lines).statusCode())
                .as("today's date is refused").isEqualTo(400);
        HttpResponse<String> added = addTemplate(NEXT + ".9", LocalDate.of(NEXT, 1, 1), lines);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(inForce(NEXT + ".9")).as("not before midnight").isFalse();

        CLOCK.set(FIRST_SECONDS);
        assertThat(inForce(NEXT + ".9")).as("in force from midnight in Vietnam").isTrue();
        HttpResponse<String> today = addTemplate(NEXT + ".10", LocalDate.of(NEXT, 1, 1), lines);
        assertThat(today.statusCode()).as(today.body()).isEqualTo(400);
        assertThat(json(today).get("field").asString()).isEqualTo("effectiveFrom");
    }

    HttpResponse<String> addTemplate(String version, LocalDate effectiveFrom, String lines) throws Exception {
        return api.postJson("/api/v1/statement-templates", ADMIN, "{\"version\":\"" + version
                + "\",\"effectiveFrom\":\"" + effectiveFrom + "\",\"lines\":" + lines + "}");
    }

    boolean inForce(String version) throws Exception {
        for (JsonNode template : json(api.get("/api/v1/statement-templates", ADMIN))) {
            if (template.get("version").asString().equals(version)) {
                return template.get("inForce").asBoolean();
            }
        }
        throw new AssertionError("no template " + version);
    }

    @Test
    @Order(6)
    void aPaperValidUntilTheLastDayOfTheYearIsReusableUntilMidnightInVietnam() throws Exception {
        CLOCK.set(LAST_SECONDS);
        assertThat(json(api.get(LOOKUP, CLERK)).findValuesAsString("id"))
                .contains(documentId);
        CLOCK.set(FIRST_SECONDS);
        assertThat(json(api.get(LOOKUP, CLERK)).findValuesAsString("id"))
                .doesNotContain(documentId);
        HttpResponse<String> expired = api.postJson("/api/v1/dossiers/" + SECOND_DOSSIER + "/documents/reused", CLERK,
                "{\"documentId\":\"" + documentId + "\"}");
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(409);
        assertThat(json(expired).get("detail").asString()).contains("expired on " + YEAR + "-12-31");

        CLOCK.set(LAST_SECONDS);
        HttpResponse<String> reused = api.postJson("/api/v1/dossiers/" + SECOND_DOSSIER + "/documents/reused", CLERK,
                "{\"documentId\":\"" + documentId + "\"}");
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(201);
    }

    @Test
    @Order(7)
    void keyExpiryWarningsFollowTheServiceClock() throws Exception {
        CLOCK.set(LAST_SECONDS);
        OffsetDateTime notAfter = certifierKey().map(key -> OffsetDateTime.parse(key.get("notAfter").asString()))
                .orElseThrow();
        try {
            CLOCK.set(notAfter.minusDays(31).toInstant());
            assertThat(certifierKey().orElseThrow().get("state").asString()).isEqualTo("VALID");
            CLOCK.set(notAfter.minusDays(29).toInstant());
            assertThat(certifierKey().orElseThrow().get("state").asString()).isEqualTo("EXPIRES_SOON");
            CLOCK.set(notAfter.plusMinutes(1).toInstant());
            assertThat(certifierKey().orElseThrow().get("state").asString()).isEqualTo("EXPIRED");
        } finally {
            CLOCK.set(FIRST_SECONDS);
        }
    }

    Optional<JsonNode> certifierKey() throws Exception {
        for (JsonNode key : json(api.get("/api/v1/signing-keys", ADMIN)).get("keys")) {
            if (key.get("owner").asString().equals("certifier")) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
