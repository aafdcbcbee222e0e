package vn.sohoa.app.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesTest {

    @Test
    void aFiltersProblemHasRfc9457MembersAtTheTopLevelAndEscapesWhatItQuotes() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                "a \"quoted\" reason \\ with a backslash / Quá nhiều yêu cầu", Map.of("limit", 5));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(problem.get("detail").asString()).isEqualTo("a \"quoted\" reason \\ with a backslash / Quá nhiều "
                + "yêu cầu");
        assertThat(problem.get("limit").asInt()).as("an extra member beside the standard ones").isEqualTo(5);
        assertThat(problem.has("properties")).isFalse();
    }
}
