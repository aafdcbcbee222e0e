package vn.sohoa.app.certify;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.stamp.CertificationStatement;
import vn.sohoa.signing.stamp.StampStatement;
import vn.sohoa.signing.stamp.StatementTemplate;

/**
 * The wording of the certification statement, version by version: those Sohoa ships with
 * ({@link StatementTemplate#ELECTRONIC_COPY}) and those an administrator adds when a decree changes it. A new version
 * begins tomorrow at the earliest, so that every copy of one day carries the same wording; versions are never
 * changed or removed, since issued copies cite them. Read from the database at each certification, so every node
 * stamps with the same versions.
 */
@Service
public class StatementTemplates {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AgencyRepository agencies;
    private final Clock clock;

    StatementTemplates(JdbcClient jdbc, AuditLog audit, AgencyRepository agencies, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.agencies = agencies;
    }

    /** A version as the API shows it. */
    public record TemplateView(String version, LocalDate effectiveFrom, List<String> lines, boolean builtIn,
                               boolean inForce, String createdBy, OffsetDateTime createdAt) {
    }

    /** A new version: its name (e.g. {@code 2027.1}), the day it begins, its lines. */
    public record NewTemplate(String version, LocalDate effectiveFrom, List<String> lines) {
    }

    public List<StatementTemplate> versions() {
        List<StatementTemplate> versions = new ArrayList<>(StatementTemplate.ELECTRONIC_COPY);
        jdbc.sql("select version, effective_from, lines from statement_templates").query((rs, n) ->
                        new StatementTemplate(rs.getString("version"), rs.getObject("effective_from", LocalDate.class),
                                Arrays.asList(rs.getString("lines").split("\n", -1))))
                .list().forEach(versions::add);
        versions.sort(Comparator.comparing(StatementTemplate::effectiveFrom));
        return versions;
    }

    /** The stamp with every version known now. */
    public StampStatement stamp() {
        return new StampStatement(versions());
    }

    public List<TemplateView> list() {
        LocalDate today = VietnamTime.today(clock);
        String inForce = StatementTemplate.inForce(versions(), today).version();
        List<TemplateView> views = new ArrayList<>();
        for (StatementTemplate builtIn : StatementTemplate.ELECTRONIC_COPY) {
            views.add(new TemplateView(builtIn.version(), builtIn.effectiveFrom(), builtIn.lines(), true,
                    builtIn.version().equals(inForce), null, null));
        }
        jdbc.sql("select * from statement_templates").query((rs, n) -> new TemplateView(rs.getString("version"),
                        rs.getObject("effective_from", LocalDate.class), Arrays.asList(rs.getString("lines").split("\n", -1)),
                        false, rs.getString("version").equals(inForce), rs.getString("created_by"),
                        VietnamTime.of(rs.getObject("created_at", OffsetDateTime.class))))
                .list().forEach(views::add);
        views.sort(Comparator.comparing(TemplateView::effectiveFrom));
        return views;
    }

    /** Adds a version after checking its wording and stamping it once on a sample page. */
    public TemplateView add(SohoaPrincipal principal, NewTemplate template) {
        StatementTemplate checked = checked(principal, template);
        if (!checked.effectiveFrom().isAfter(VietnamTime.today(clock))) {
            throw new InvalidInputException("effectiveFrom", "a new version begins tomorrow at the earliest, so that "
                    + "the copies of one day carry one wording", "phiên bản mới áp dụng sớm nhất từ ngày mai");
        }
        if (versions().stream().anyMatch(v -> v.version().equals(checked.version())
                || v.effectiveFrom().equals(checked.effectiveFrom()))) {
            throw new ConflictException("a version named " + checked.version() + " or beginning on "
                    + checked.effectiveFrom() + " exists", "đã có phiên bản cùng tên hoặc cùng ngày áp dụng");
        }
        preview(principal, template);
        try {
            jdbc.sql("insert into statement_templates (version, effective_from, lines, created_by) values (?, ?, ?, ?)")
                    .params(checked.version(), Date.valueOf(checked.effectiveFrom()),
                            String.join("\n", checked.lines()), principal.username()).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("version " + checked.version() + " exists", "phiên bản đã có");
        }
        audit.record(principal.username(), principal.agencyCode(), AuditAction.TEMPLATE_ADDED, checked.version(),
                "from " + checked.effectiveFrom() + ": " + String.join(" / ", checked.lines()));
        return list().stream().filter(v -> v.version().equals(checked.version())).findFirst().orElseThrow();
    }

    /**
     * The template stamped on a blank A4 page with sample values (number, book, the administrator's agency), as
     * PNG: what the certifier's copies will show. A character the statement font lacks is refused here.
     */
    public byte[] preview(SohoaPrincipal principal, NewTemplate template) {
        StatementTemplate checked = checked(principal, template);
        String agencyName = principal.agencyCode() == null ? "UBND xã"
                : agencies.find(principal.agencyCode()).map(a -> a.name()).orElse(principal.agencyCode());
        ZonedDateTime at = checked.effectiveFrom().atTime(9, 30).atZone(VietnamTime.ZONE);
        try (PDDocument blank = new PDDocument()) {
            blank.addPage(new PDPage(PDRectangle.A4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            blank.save(out);
            byte[] stamped;
            try {
                stamped = new StampStatement(checked).apply(out.toByteArray(), new CertificationStatement(123,
                        String.format("01/%d-SCTĐT/BS", at.getYear()), at, "Nguyễn Văn An", "Phó Chủ tịch UBND xã",
                        agencyName, "https://sohoa.example/v/mau"));
            } catch (SigningException e) {
                throw new InvalidInputException("lines", e.getMessage(), "lời chứng có ký tự không in được: "
                        + e.getMessage());
            }
            try (PDDocument document = Loader.loadPDF(stamped)) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 100);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(page, "png", png);
                return png.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StatementTemplate checked(SohoaPrincipal principal, NewTemplate template) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators change the statement templates",
                    "chỉ quản trị viên được thay đổi mẫu lời chứng");
        }
        if (template == null || template.version() == null || !template.version().matches("[0-9A-Za-z._-]{1,20}")) {
            throw new InvalidInputException("version", "version: 1 to 20 of letters, digits, '.', '_', '-'",
                    "tên phiên bản: 1–20 ký tự chữ, số, '.', '_', '-'");
        }
        if (template.effectiveFrom() == null) {
            throw new InvalidInputException("effectiveFrom", "effectiveFrom (the day the version begins) is required",
                    "cần ngày bắt đầu áp dụng (effectiveFrom)");
        }
        List<String> lines = template.lines() == null ? List.of() : template.lines().stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        List<String> problems = StatementTemplate.problems(lines);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("lines", String.join("; ", problems), "mẫu lời chứng chưa đúng: "
                    + String.join("; ", problems));
        }
        return new StatementTemplate(template.version(), template.effectiveFrom(), lines);
    }
}
