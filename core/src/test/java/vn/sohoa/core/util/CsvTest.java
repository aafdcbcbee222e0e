package vn.sohoa.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void formulasAreKeptAsTextAndSeparatorsQuoted() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\",\"bấm vào đây\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"bấm vào đây\"\")\"");
        assertThat(Csv.cell("+84 912")).isEqualTo("'+84 912");
        assertThat(Csv.cell("-1+1")).isEqualTo("'-1+1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(Csv.cell("Giấy khai sinh, bản chính")).isEqualTo("\"Giấy khai sinh, bản chính\"");
        assertThat(Csv.cell("Hộ chiếu")).isEqualTo("Hộ chiếu");
        assertThat(Csv.cell((String) null)).isEmpty();
        assertThat(Csv.cell(-5)).as("a negative number stays a number").isEqualTo("-5");
        assertThat(Csv.cell((Object) "-5")).isEqualTo("'-5");
    }
}
