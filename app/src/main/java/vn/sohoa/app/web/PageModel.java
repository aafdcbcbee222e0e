package vn.sohoa.app.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;

/** What every page's header needs: the signed-in user, the language and the address of the other language. */
@ControllerAdvice(assignableTypes = {ClerkPages.class, CertifierPages.class, AdminPages.class, StatisticsPage.class,
        LoginPage.class, ScannerPage.class})
class PageModel {

    /** Everything the header needs, for a model that the {@code @ModelAttribute} methods did not fill. */
    void fill(Model model, HttpServletRequest request, Locale locale) {
        model.addAttribute("user", user());
        model.addAttribute("can", can());
        model.addAttribute("jsMessages", jsMessages(locale));
        model.addAttribute("lang", lang(locale));
        model.addAttribute("otherLanguageUrl", otherLanguageUrl(request, locale));
    }

    @ModelAttribute("user")
    SohoaPrincipal user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SohoaPrincipal principal
                ? principal : null;
    }

    /** Which parts of the service the signed-in user may open: the header shows only those. */
    record Capabilities(boolean desk, boolean certify, boolean register, boolean admin) {
    }

    @ModelAttribute("can")
    Capabilities can() {
        SohoaPrincipal user = user();
        if (user == null) {
            return new Capabilities(false, false, false, false);
        }
        Role role = user.role();
        return new Capabilities(role == Role.CLERK || role == Role.CERTIFIER || role == Role.ADMIN,
                role == Role.CERTIFIER || role == Role.ADMIN,
                role == Role.CERTIFIER || role == Role.SUPERVISOR || role == Role.ADMIN, role == Role.ADMIN);
    }

    /** The texts the pages' scripts show (errors, progress, confirmations), in the page's language. */
    @ModelAttribute("jsMessages")
    Map<String, String> jsMessages(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : JS_KEYS) {
            texts.put(key, messages.getMessage("js." + key, null, locale));
        }
        return texts;
    }

    static final List<String> JS_KEYS = List.of("networkError", "uploading", "uploaded", "stored", "waiting",
            "pagesDone", "failed", "digitized", "draft", "received", "processing", "noFiles", "tooManyFiles",
            "fileTooLarge", "confirmCertify", "certified", "rotateLeft", "rotateRight", "moveUp", "moveDown",
            "dropPage", "restorePage", "rescan", "page", "saved", "keyShownOnce", "copyNumber", "download", "receipt",
            "agentMissing", "tokenNotEnrolled", "tokenRefused", "tokenRefusedByUser", "tokenWrongPin", "tokenAbsent",
            "verify", "externalStep2", "none", "expiresSoon", "expired", "valid", "unavailable", "notYetValid",
            "enable", "disable", "enabled", "disabled", "imported", "noText", "hotFolderAt", "hotFolderOff",
            "batchNothingSelected", "batchPrepared", "batchIssued", "qualityOK", "qualityWARN", "qualityRESCAN",
            "previewReading", "previewFilled", "previewNothing", "previewFailed");

    private final MessageSource messages;

    PageModel(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "vi";
    }

    /** The same page in the other language. */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "vi" : "en";
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", other).build().toUriString();
    }
}
