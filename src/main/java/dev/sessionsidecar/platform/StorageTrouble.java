package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the last write that failed for the storage (a request refused, or a batch of transcript
 * lines not stored), so readiness stays down a while after one: on a nearly full disk H2 can still
 * fit the readiness probe's one-row update into room its file already holds while a real write is
 * refused.
 */
@ApplicationScoped
public class StorageTrouble {

  /** Three readiness probe periods: a pod is unready after one failure and ready again after. */
  static final Duration REMEMBERED = Duration.ofSeconds(15);

  private final Clock clock;
  private final AtomicReference<Instant> last = new AtomicReference<>();

  StorageTrouble(Clock clock) {
    this.clock = clock;
  }

  /** A request was refused because the storage failed. */
  void seen() {
    last.set(clock.instant());
  }

  /**
   * Whether the failure (of a request, or of a write the sidecar made by itself) was the storage's;
   * if it was, it is remembered as a refused request is.
   */
  public boolean seenIn(Throwable failure) {
    if (!StorageFailure.in(failure)) {
      return false;
    }
    seen();
    return true;
  }

  /** How long ago the last refusal was, if it was within {@link #REMEMBERED}. */
  Optional<Duration> recent() {
    Instant at = last.get();
    if (at == null) {
      return Optional.empty();
    }
    Duration ago = Duration.between(at, clock.instant());
    return ago.compareTo(REMEMBERED) < 0 ? Optional.of(ago) : Optional.empty();
  }
}
