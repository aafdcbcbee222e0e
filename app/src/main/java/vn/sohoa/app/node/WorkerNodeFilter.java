package vn.sohoa.app.node;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.sohoa.app.error.ProblemResponses;

/**
 * A worker node serves no user: only {@code /actuator/**} (health for the orchestrator, metrics for Prometheus)
 * answers; everything else is 404 with a problem body saying why, before any security or session work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkerNodeFilter extends OncePerRequestFilter {

    private final NodeSettings settings;

    WorkerNodeFilter(NodeSettings settings) {
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return settings.role().servesUsers() || path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemResponses.write(response, HttpStatus.NOT_FOUND, "Not a web node", "This node runs jobs only "
                + "(sohoa.node.role=worker); use a web node / Máy chủ này chỉ chạy các việc nền (OCR, ký, gửi): hãy "
                + "dùng máy chủ web");
    }
}
