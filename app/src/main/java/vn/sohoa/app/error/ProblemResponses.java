package vn.sohoa.app.error;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies written by servlet filters (authentication, rate limits, the node's role), which answer
 * before Spring MVC and its {@link ProblemHandler} see the request: the same members, escaped by a JSON writer.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /**
     * Writes a problem with {@code status}, its {@code title} and {@code detail}, and {@code extra} members (e.g. the
     * header or limit concerned). Headers such as Retry-After are the caller's to set first.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                             Map<String, Object> extra) throws IOException {
        // the members at the top level, as RFC 9457 has them (a ProblemDetail written by a plain mapper would nest
        // the extra ones under "properties")
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.putAll(extra);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(response, status, title, detail, Map.of());
    }
}
