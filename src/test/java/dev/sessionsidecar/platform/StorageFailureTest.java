package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures count as storage trouble, on chains shaped like those seen with a full disk. */
class StorageFailureTest {

  @Test
  void aFullDiskDeepInASuppressedCauseIsAStorageFailure() {
    // As logged with a full tmpfs: the commit's RollbackException suppressed H2's general error,
    // caused by MVStore's write failure, caused by "No space left on device".
    RuntimeException rollback = new RuntimeException("Could not commit transaction");
    rollback.addSuppressed(
        new SQLException("General error", "HY000", new IOException("No space left on device")));
    assertTrue(StorageFailure.in(new RuntimeException("Error invoking subclass method", rollback)));
  }

  @Test
  void aDatabaseClosedAfterAnIoErrorIsAStorageFailure() {
    assertTrue(StorageFailure.in(new RuntimeException(new SQLException("closed", "90098"))));
  }

  @Test
  void aPostgresqlServerThatIsDownRestartingOrReadOnlyIsAStorageFailure() {
    for (String state : java.util.List.of("08001", "08006", "57P01", "57P03", "25006", "53100")) {
      assertTrue(StorageFailure.in(new RuntimeException(new SQLException("server", state))), state);
    }
  }

  @Test
  void aBusyPoolAndAFullServerAreStorageFailuresThatSayWhich() {
    // As Hibernate wrapped Agroal's timeout with a pool of two held by waiting writes.
    RuntimeException busy =
        new RuntimeException(
            "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"));
    assertTrue(StorageFailure.in(busy));
    assertTrue(StorageFailure.poolBusy(busy));
    assertFalse(StorageFailure.serverFull(busy));
    RuntimeException full =
        new RuntimeException(new SQLException("sorry, too many clients already", "53300"));
    assertTrue(StorageFailure.in(full));
    assertTrue(StorageFailure.serverFull(full));
    assertFalse(StorageFailure.poolBusy(full));
  }

  @Test
  void aBugIsNot() {
    assertFalse(StorageFailure.in(new IllegalStateException("bug", new NullPointerException())));
    assertFalse(StorageFailure.in(new RuntimeException(new SQLException("syntax", "42000"))));
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.addSuppressed(b);
    assertFalse(StorageFailure.in(b));
  }
}
