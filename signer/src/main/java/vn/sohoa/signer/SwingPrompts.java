package vn.sohoa.signer;

import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

/**
 * The agent's questions as small always-on-top windows, for a certifier who started sohoa-signer from the desktop
 * menu (no terminal): allow a page, sign what is listed, the token's PIN. Each dialog names the agent in its title so
 * that a page cannot pass its own window off as the agent's.
 */
public final class SwingPrompts implements PinPrompt, UserConsent {

    static final String TITLE = "sohoa-signer";
    static final String YES = "Đồng ý / Yes";
    static final String NO = "Không / No";
    static final String OK = "Đồng ý / OK";
    static final String CANCEL = "Hủy / Cancel";

    @Override
    public char[] askPin(String prompt) {
        return onEventThread(() -> {
            JPasswordField field = new JPasswordField(16);
            JPanel panel = new JPanel(new GridLayout(0, 1));
            panel.add(new JLabel(prompt));
            panel.add(field);
            JOptionPane pane = new JOptionPane(panel, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION,
                    null, new Object[]{OK, CANCEL}, OK);
            var dialog = pane.createDialog(TITLE + " – PIN");
            dialog.setAlwaysOnTop(true);
            dialog.addWindowFocusListener(new WindowAdapter() {
                @Override
                public void windowGainedFocus(WindowEvent e) {
                    field.requestFocusInWindow();
                }
            });
            dialog.setVisible(true);
            dialog.dispose();
            return OK.equals(pane.getValue()) ? field.getPassword() : null;
        });
    }

    @Override
    public boolean allowPairing(String origin) {
        return yes(new JLabel("<html>Cho phép trang <b>" + escape(origin) + "</b> dùng USB token để ký?<br>"
                + "Allow <b>" + escape(origin) + "</b> to use the token?</html>"), "kết nối / pairing");
    }

    @Override
    public boolean allowSignatures(List<SigningSummary> summaries) {
        JTextArea text = new JTextArea(ConsoleText.summary(summaries), Math.min(24, 4 + 6 * summaries.size()), 60);
        text.setEditable(false);
        return yes(new JScrollPane(text), "ký số / signing");
    }

    private static boolean yes(Object message, String what) {
        Boolean answer = onEventThread(() -> {
            // "No" is the default: Enter pressed by habit signs nothing
            JOptionPane pane = new JOptionPane(message, JOptionPane.QUESTION_MESSAGE, JOptionPane.YES_NO_OPTION,
                    null, new Object[]{YES, NO}, NO);
            var dialog = pane.createDialog(TITLE + " – " + what);
            dialog.setAlwaysOnTop(true);
            dialog.setVisible(true);
            dialog.dispose();
            return YES.equals(pane.getValue());
        });
        return Boolean.TRUE.equals(answer);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Runs a modal dialog on Swing's event thread and waits for the user's answer. */
    private static <T> T onEventThread(Supplier<T> dialog) {
        if (SwingUtilities.isEventDispatchThread()) {
            return dialog.get();
        }
        AtomicReference<T> answer = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> answer.set(dialog.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException(SignerException.Kind.REFUSED_BY_USER, "the prompt was interrupted");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the prompt failed: " + e.getCause(), e.getCause());
        }
        return answer.get();
    }
}
