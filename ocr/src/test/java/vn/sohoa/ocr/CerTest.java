package vn.sohoa.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import vn.sohoa.testkit.Cer;

class CerTest {

    @Test
    void countsEditsOverNormalizedReference() {
        assertThat(Cer.of("Hòa  Phong\nxã", "Hòa Phong xã")).isZero();
        assertThat(Cer.of("abcd", "abed")).isCloseTo(0.25, within(1e-9));
        // decomposed input (e + combining marks) counts the same as precomposed after NFC
        assertThat(Cer.of("Việt", "Vie\u0323\u0302t")).isZero();
        assertThat(Cer.of("ab", "")).isEqualTo(1.0);
    }
}
