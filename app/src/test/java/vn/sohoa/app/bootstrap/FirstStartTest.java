package vn.sohoa.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first-start banner shows generated passwords to a terminal only; a log gets a pointer to the private file. */
class FirstStartTest {

    @Test
    void passwordsAreShownToATerminalAndLeftOutOfLogs() {
        String banner = "  admin      / \u0001Xy7passwordAbc23\u0001\n"
                + "  clerk      / (the password you set / mật khẩu đã đặt)\n";
        assertThat(FirstStart.shown(banner, true)).contains("admin      / Xy7passwordAbc23").doesNotContain("\u0001");
        assertThat(FirstStart.shown(banner, false)).doesNotContain("Xy7passwordAbc23")
                .contains("admin      / (in the file below").contains("(the password you set");
    }
}
