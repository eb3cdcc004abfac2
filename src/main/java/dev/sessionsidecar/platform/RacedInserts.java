package dev.sessionsidecar.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Work that may insert a row another request is inserting at the same moment (a first session,
 * project or task of an id): the loser of the race collides on the key and runs once more, when it
 * finds the winner's row.
 */
public final class RacedInserts {

  private RacedInserts() {}

  /** Runs the work in a new transaction, once more if it lost a race on a key. */
  public static <T> T inNewTransaction(Callable<T> work) {
    try {
      return QuarkusTransaction.requiringNew().call(work);
    } catch (ConstraintViolationException raced) {
      return QuarkusTransaction.requiringNew().call(work);
    }
  }
}
