package dev.sessionsidecar.platform;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Runs first at start: checks the store choice, then on H2 owns the data directory (creates it,
 * takes an exclusive lock so a second sidecar on the same directory stops at once) and migrates the
 * schema; on a shared PostgreSQL starts the migration, which waits for the server if need be.
 */
@ApplicationScoped
public class DataDirectory {

  static final String LOCK_FILE = "sidecar.lock";

  private final SidecarConfig config;
  private final StoreSelection store;
  private final Schema schema;
  private final InstanceIdentity instance;
  private FileChannel lockChannel;
  private FileLock lock;

  DataDirectory(
      SidecarConfig config, StoreSelection store, Schema schema, InstanceIdentity instance) {
    this.config = config;
    this.store = store;
    this.schema = schema;
    this.instance = instance;
  }

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    store.check();
    if (store.store() == Store.H2) {
      Path dir = resolve(config.dataDir());
      acquire(dir);
      schema.migrateNow();
      Log.infof("Data directory %s locked and migrated (instance %s)", dir, instance.id());
    } else {
      Log.infof("Shared PostgreSQL store; this sidecar is instance %s", instance.id());
      schema.migrateWhenReachable();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      Log.warn("Could not release the data directory lock", e);
    }
  }

  private static Path resolve(String configured) {
    // H2 refuses paths that are implicitly relative, so the JDBC URL would fail later with a
    // confusing message; say it here, in terms of our own setting.
    if (!configured.startsWith("/")
        && !configured.startsWith("./")
        && !configured.startsWith("../")
        && !configured.equals(".")) {
      throw new DataDirectoryException(
          "sidecar.data-dir (SIDECAR_DATA_DIR) is '"
              + configured
              + "': give an absolute path or one that starts with ./ or ../");
    }
    return Path.of(configured).toAbsolutePath().normalize();
  }

  private void acquire(Path dir) {
    try {
      Files.createDirectories(dir);
      lockChannel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      throw new DataDirectoryException(
          "Cannot create or lock the data directory " + dir + ": " + e.getMessage());
    }
    if (lock == null) {
      throw new DataDirectoryException(
          "The data directory "
              + dir
              + " is in use by another session-sidecar process (it holds "
              + LOCK_FILE
              + "). Stop that process, or point sidecar.data-dir (SIDECAR_DATA_DIR) at another"
              + " directory.");
    }
  }

  /** Start-up failure about the data directory, with a message meant for the operator. */
  public static class DataDirectoryException extends RuntimeException {
    DataDirectoryException(String message) {
      super(message, null, false, false);
    }
  }
}
