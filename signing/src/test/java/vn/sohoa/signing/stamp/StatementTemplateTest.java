package vn.sohoa.signing.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatementTemplateTest {

    @Test
    void theBuiltInVersionsHaveNoProblem() {
        StatementTemplate.ELECTRONIC_COPY.forEach(t -> assertThat(StatementTemplate.problems(t.lines())).isEmpty());
    }

    @Test
    void aTemplateMustNameTheNumberBookCertifierAndAgencyWithKnownPlaceholdersOnly() {
        assertThat(StatementTemplate.problems(List.of())).containsExactly("the template has no line");
        assertThat(StatementTemplate.problems(List.of("Chứng thực bản sao đúng với bản chính.", "Số {numbr}")))
                .contains("line 2: unknown placeholder {numbr}", "the statement must contain {number}",
                        "the statement must contain {book}", "the statement must contain {certifierName}",
                        "the statement must contain {agencyName}");
        assertThat(StatementTemplate.problems(List.of("Số {number} quyển {book}", "{certifierName} {signature}",
                "{agencyName}"))).containsExactly("line 2: {signature} must be a line of its own");
        List<String> many = new ArrayList<>(Collections.nCopies(17, "{number} {book} {certifierName} {agencyName}"));
        assertThat(StatementTemplate.problems(many)).containsExactly("at most 16 lines, got 17");
        assertThat(StatementTemplate.problems(List.of("{number} {book} {certifierName} {agencyName}" + "x".repeat(120))))
                .singleElement().asString().contains("at most 150");
    }

    @Test
    void theVersionInForceIsTheLatestThatHasBegun() {
        StatementTemplate later = new StatementTemplate("2027.1", LocalDate.of(2027, 1, 1),
                StatementTemplate.ELECTRONIC_COPY_V2.lines());
        List<StatementTemplate> versions = List.of(StatementTemplate.ELECTRONIC_COPY_V1,
                StatementTemplate.ELECTRONIC_COPY_V2, later);
        assertThat(StatementTemplate.inForce(versions, LocalDate.of(2026, 12, 31)).version()).isEqualTo("2025.1");
        assertThat(StatementTemplate.inForce(versions, LocalDate.of(2027, 1, 1)).version()).isEqualTo("2027.1");
        assertThat(StatementTemplate.inForce(versions, LocalDate.of(2021, 1, 1)).version()).isEqualTo("2020.1");
    }
}
