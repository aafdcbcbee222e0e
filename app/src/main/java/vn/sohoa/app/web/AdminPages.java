package vn.sohoa.app.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.certify.StatementTemplates;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.stats.Indicator;
import vn.sohoa.core.code.AdministrativeLevel;

/**
 * The administrator's page: units and agencies, users and roles, API clients, signing keys with their expiry,
 * the statement templates in force, and the year's targets. Lists and changes go through the REST API.
 */
@Controller
class AdminPages {

    private final AccessPolicy access;
    private final StatementTemplates templates;
    private final Clock clock;

    AdminPages(AccessPolicy access, StatementTemplates templates, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.templates = templates;
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal SohoaPrincipal principal, Model model) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators", "chỉ quản trị viên");
        }
        model.addAttribute("agencies", access.visibleAgencyList(principal));
        model.addAttribute("roles", List.of(Role.CLERK, Role.CERTIFIER, Role.SUPERVISOR, Role.ADMIN));
        model.addAttribute("levels", AdministrativeLevel.values());
        model.addAttribute("indicators", Indicator.values());
        LocalDate today = VietnamTime.today(clock);
        model.addAttribute("year", today.getYear());
        model.addAttribute("today", today);
        List<StatementTemplates.TemplateView> versions = templates.list();
        model.addAttribute("templates", versions);
        model.addAttribute("templateInForce", versions.stream().filter(StatementTemplates.TemplateView::inForce)
                .findFirst().map(v -> String.join("\n", v.lines())).orElse(""));
        model.addAttribute("tomorrow", today.plusDays(1));
        return "admin";
    }
}
