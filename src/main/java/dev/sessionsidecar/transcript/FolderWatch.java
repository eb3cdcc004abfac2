package dev.sessionsidecar.transcript;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The file system's change events for a tree of folders, so a follower wakes when files change. */
final class FolderWatch {

  private final WatchService watch;
  private final Set<Path> watched = new HashSet<>();

  FolderWatch() throws IOException {
    this.watch = FileSystems.getDefault().newWatchService();
  }

  /** Watches the folder and every folder under it that is not watched yet. */
  void folders(Path top) throws IOException {
    if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // A folder that cannot be read is not watched: the rescan finds it once it can be.
    for (Path path : FolderTree.paths(top, unreadable -> {})) {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        register(path);
      }
    }
  }

  /**
   * Watches the folder alone, not what is under it (a folder that is not there yet is looked for
   * again by the caller): enough to see a folder of transcripts appear in it.
   */
  void folder(Path folder) throws IOException {
    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      register(folder);
    }
  }

  private void register(Path folder) throws IOException {
    if (watched.add(folder)) {
      folder.register(
          watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }
  }

  /** Waits for the next change event (then for the burst it belongs to) or the timeout. */
  void awaitChange(Duration timeout) throws InterruptedException {
    WatchKey key = watch.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    while (key != null) {
      key.pollEvents();
      if (!key.reset()) {
        watched.remove((Path) key.watchable());
      }
      key = watch.poll(50, TimeUnit.MILLISECONDS);
    }
  }

  /** Ends the watch; a wait under way ends with a ClosedWatchServiceException. */
  void close() throws IOException {
    watch.close();
  }
}
