package vn.sohoa.app.error;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A call to an API path that nothing answers (an unknown path, a method the path does not take) gets a problem like
 * every other API error, not the HTML error page: no controller is involved, so {@link ProblemHandler}, which advises
 * Sohoa's controllers, is not asked. Other paths keep the HTML error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedApiRequests {

    private static final String TYPE_BASE = "https://sohoa.vn/problems/";

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e,
                                                   HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        ProblemDetail problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                request.getMethod() + " is not taken by " + request.getRequestURI() + "; it takes "
                        + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()),
                "Phương thức " + request.getMethod() + " không dùng được với địa chỉ này");
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (e.getSupportedHttpMethods() != null) {
            answer.allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new));
        }
        return answer.body(problem);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "no-such-path",
                "No API path " + request.getRequestURI() + " (see /v3/api-docs)",
                "Không có địa chỉ API này"));
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail, String detailVi) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setProperty("detailVi", detailVi);
        return problem;
    }
}
