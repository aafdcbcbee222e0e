package vn.sohoa.app.web;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.core.error.SohoaException;

/**
 * A refusal on a page (a dossier that does not exist or is not the user's, a page the role may not open) is an
 * HTML page in the user's language with the way back, not the API's JSON problem.
 */
@ControllerAdvice(assignableTypes = {ClerkPages.class, CertifierPages.class, AdminPages.class, StatisticsPage.class,
        ScannerPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final PageModel page;

    PageErrors(PageModel page) {
        this.page = page;
    }

    @ExceptionHandler(SohoaException.class)
    String refused(SohoaException e, Locale locale, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        // an exception handler's model starts empty: the header's attributes are added here
        page.fill(model, request, locale);
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ForbiddenException ? HttpStatus.FORBIDDEN
                : e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", "en".equals(locale.getLanguage()) || e.vietnameseMessage() == null
                ? e.getMessage() : e.vietnameseMessage());
        return "error-page";
    }
}
