package vn.sohoa.app.certify;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.principal.SohoaPrincipal;

@RestController
@Tag(name = "Statement templates", description = "Mẫu lời chứng theo từng phiên bản")
class StatementTemplateController {

    private final StatementTemplates templates;

    StatementTemplateController(StatementTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/v1/statement-templates")
    @Operation(summary = "Every version of the certification statement, which one is in force today")
    List<StatementTemplates.TemplateView> list() {
        return templates.list();
    }

    @PostMapping("/api/v1/statement-templates")
    @Operation(summary = "Add a version (administrator): version, effectiveFrom (tomorrow at the earliest), lines "
            + "with the placeholders {number} {book} {day} {month} {year} {date} {certifiedAt} {certifierName} "
            + "{certifierTitle} {agencyName} and a line {signature}")
    ResponseEntity<StatementTemplates.TemplateView> add(@AuthenticationPrincipal SohoaPrincipal principal,
                                                        @RequestBody StatementTemplates.NewTemplate template) {
        StatementTemplates.TemplateView added = templates.add(principal, template);
        return ResponseEntity.created(URI.create("/api/v1/statement-templates")).body(added);
    }

    @PostMapping(value = "/api/v1/statement-templates/preview", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The template stamped on a blank page with sample values, as PNG (administrator)")
    ResponseEntity<byte[]> preview(@AuthenticationPrincipal SohoaPrincipal principal,
                                   @RequestBody StatementTemplates.NewTemplate template) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(templates.preview(principal, template));
    }
}
