package vn.sohoa.app;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For the tests that run the service as processes of their own, whose logs are files in the test's home: that home
 * is kept when the test fails ({@code @TempDir(cleanup = CleanupMode.ON_SUCCESS)}), and this says where it is.
 */
final class KeptLogs implements TestWatcher {

    private final Supplier<Path> home;

    KeptLogs(Supplier<Path> home) {
        this.home = home;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.err.println(context.getDisplayName() + " failed: the service's logs are kept in " + home.get());
    }
}
