package vn.sohoa.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Window;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.swing.AbstractButton;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

/**
 * The agent's windows on a real X server (Xvfb, installed by {@code ./sohoa test}): the certifier started from the
 * desktop menu sees who asks, what is signed, and types the PIN in the agent's own window. The dialogs run in a child
 * JVM pointed at the virtual display ({@link Driver}); a second thread there plays the certifier, finding each dialog by
 * its title and pressing its buttons the way a click does.
 */
class SwingPromptsTest {

    @Test
    void theCertifierAnswersTheAgentsWindows() throws Exception {
        int display = 90 + (int) (ProcessHandle.current().pid() % 100);
        while (Files.exists(Path.of("/tmp/.X" + display + "-lock"))) {
            display++;
        }
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-nolisten", "tcp", "-screen", "0", "1280x800x24")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(Path.of("/tmp/.X11-unix/X" + display)); i++) {
                Thread.sleep(50);
            }
            assertThat(xvfb.isAlive()).as("Xvfb started on :" + display).isTrue();
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"),
                    Driver.class.getName()).redirectErrorStream(true);
            child.environment().put("DISPLAY", ":" + display);
            Process driver = child.start();
            assertThat(driver.waitFor(60, TimeUnit.SECONDS)).as("the dialogs were answered").isTrue();
            String output = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(driver.exitValue()).as(output).isZero();
            assertThat(output).contains("pairing=true", "signing=false", "pin=123456", "cancelled-pin=null")
                    .contains("shown=Ký số 2 bản sao").contains("register number: 42").contains("register number: 43")
                    .contains("asked by: https://sohoa.hoaphong.example");
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Runs in the child JVM on the virtual display: asks the questions and answers them from another thread. */
    public static final class Driver {

        public static void main(String[] args) throws Exception {
            SwingPrompts prompts = new SwingPrompts();
            List<String> shown = new ArrayList<>();

            answer("kết nối", dialog -> press(dialog, SwingPrompts.YES));
            System.out.println("pairing=" + prompts.allowPairing("https://sohoa.hoaphong.example"));

            answer("ký số", dialog -> {
                shown.add(find(dialog, JTextArea.class).getText());
                return press(dialog, SwingPrompts.NO);
            });
            System.out.println("signing=" + prompts.allowSignatures(List.of(summary(42), summary(43))));
            System.out.println("shown=" + shown.get(0));

            answer("PIN", dialog -> {
                find(dialog, JPasswordField.class).setText("123456");
                return press(dialog, SwingPrompts.OK);
            });
            System.out.println("pin=" + new String(prompts.askPin("Mã PIN của USB token / token PIN")));

            answer("PIN", dialog -> press(dialog, SwingPrompts.CANCEL));
            char[] cancelled = prompts.askPin("Mã PIN của USB token / token PIN");
            System.out.println("cancelled-pin=" + (cancelled == null ? "null" : new String(cancelled)));
            System.exit(0);
        }

        static UserConsent.SigningSummary summary(long number) {
            return new UserConsent.SigningSummary("https://sohoa.hoaphong.example", "000.00.30.H42-261206-0001",
                    "Giấy khai sinh", number, 2, "ab12", "CN=Nguyễn Văn An");
        }

        /** In the background: waits for the agent's dialog whose title contains {@code title} and acts on it. */
        static void answer(String title, Predicate<Dialog> action) {
            Thread certifier = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < deadline) {
                    for (Window window : Window.getWindows()) {
                        if (window instanceof Dialog dialog && dialog.isShowing()
                                && dialog.getTitle().startsWith(SwingPrompts.TITLE) && dialog.getTitle().contains(title)) {
                            boolean[] done = new boolean[1];
                            try {
                                SwingUtilities.invokeAndWait(() -> done[0] = action.test(dialog));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            if (done[0]) {
                                return;
                            }
                        }
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                System.out.println("no dialog titled " + title);
                System.exit(3);
            });
            certifier.setDaemon(true);
            certifier.start();
        }

        static boolean press(Container container, String label) {
            AbstractButton button = all(container, AbstractButton.class).stream()
                    .filter(b -> label.equals(b.getText())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no button " + label));
            button.doClick();
            return true;
        }

        static <T extends Component> T find(Container container, Class<T> type) {
            return all(container, type).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName()));
        }

        static <T extends Component> List<T> all(Container container, Class<T> type) {
            List<T> found = new ArrayList<>();
            for (Component component : container.getComponents()) {
                if (type.isInstance(component)) {
                    found.add(type.cast(component));
                }
                if (component instanceof Container inner) {
                    found.addAll(all(inner, type));
                }
            }
            return found;
        }
    }
}
