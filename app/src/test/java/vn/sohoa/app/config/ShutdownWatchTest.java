package vn.sohoa.app.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ShutdownWatchTest {

    @Test
    void aJobGoesOnWhileTheNodeRuns() {
        ShutdownWatch watch = new ShutdownWatch(() -> false, Duration.ZERO);
        assertThatCode(() -> watch.check(1, 1000)).doesNotThrowAnyException();
    }

    @Test
    void aStoppingNodeFinishesWhatFitsInTheGraceAndGivesBackWhatDoesNot() throws Exception {
        AtomicBoolean stopping = new AtomicBoolean();
        ShutdownWatch watch = new ShutdownWatch(stopping::get, Duration.ofSeconds(5));
        Thread.sleep(50); // one step took ~50 ms
        watch.check(1, 10);
        stopping.set(true);
        // 9 steps left at ~50 ms each: well within 5 s
        assertThatCode(() -> watch.check(1, 10)).doesNotThrowAnyException();
        // 10 000 steps left at ~50 ms each: over 8 minutes, not within 5 s
        assertThatThrownBy(() -> watch.check(1, 10_001))
                .isInstanceOf(ShutdownWatch.ReleasedAtShutdownException.class)
                .hasMessageContaining("10000 of 10001 steps left");
    }

    @Test
    void theGraceIsCountedFromWhenTheStopWasFirstSeen() throws Exception {
        ShutdownWatch watch = new ShutdownWatch(() -> true, Duration.ofMillis(300));
        watch.check(0, 0); // the stop is seen; nothing is left
        Thread.sleep(400);
        // any step left now outlasts the grace, which has run out
        assertThatThrownBy(() -> watch.check(1, 2)).isInstanceOf(ShutdownWatch.ReleasedAtShutdownException.class);
    }
}
