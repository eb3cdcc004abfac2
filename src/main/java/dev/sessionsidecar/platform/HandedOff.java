package dev.sessionsidecar.platform;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work handed to another thread and rethrows what failed it as it was raised. */
public final class HandedOff {

  private HandedOff() {}

  /**
   * The work's result once it is done; {@code what} says what was awaited when the wait is
   * interrupted.
   */
  public static <T> T result(Future<T> work, String what) {
    try {
      return work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
