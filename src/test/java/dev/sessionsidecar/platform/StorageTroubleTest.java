package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageTroubleTest {

  private final TestClock clock = new TestClock();
  private final StorageTrouble trouble = new StorageTrouble(clock);

  @Test
  void aRefusalIsRememberedForFifteenSecondsThenForgotten() {
    assertEquals(Optional.empty(), trouble.recent(), "nothing refused yet");
    trouble.seen();
    assertTrue(trouble.recent().isPresent());
    clock.advance(Duration.ofSeconds(14));
    assertEquals(14, trouble.recent().orElseThrow().toSeconds());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), trouble.recent(), "15 s after the last one");
    trouble.seen();
    assertEquals(0, trouble.recent().orElseThrow().toSeconds(), "a new refusal starts again");
  }
}
