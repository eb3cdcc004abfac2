package dev.sessionsidecar.transcript;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The file system's change events for a tree of folders, so a follower wakes when files change. */
final class FolderWatch {

  private final WatchService watch;
  private final Set<Path> watched = new HashSet<>();

  FolderWatch() throws IOException {
    this.watch = FileSystems.getDefault().newWatchService();
  }

  /**
   * The transcripts among these paths: every one under a folder (watched from now on, with the
   * folders under it), a transcript file itself, and a subagent's file when its meta file changed.
   */
  Set<Path> transcriptsAmong(Set<Path> paths, Consumer<Path> unreadable) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path path : paths) {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        FolderTree tree = FolderTree.of(path, unreadable);
        for (Path folder : tree.folders()) {
          register(folder);
        }
        tree.files().stream().filter(TranscriptFiles::isTranscript).forEach(files::add);
      } else {
        TranscriptFiles.transcriptOf(path).ifPresent(files::add);
      }
    }
    return files;
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

  /**
   * Waits for the next change event (then for the burst it belongs to) or the timeout; answers the
   * paths that changed, or nothing when the wait timed out or events were lost (look at all).
   */
  Optional<Set<Path>> awaitChange(Duration timeout) throws InterruptedException {
    WatchKey key = watch.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (key == null) {
      return Optional.empty();
    }
    Set<Path> changed = new LinkedHashSet<>();
    boolean lost = false;
    while (key != null) {
      Path folder = (Path) key.watchable();
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.context() instanceof Path name) {
          changed.add(folder.resolve(name));
        } else {
          lost = true;
        }
      }
      if (!key.reset()) {
        watched.remove(folder);
      }
      key = watch.poll(50, TimeUnit.MILLISECONDS);
    }
    return lost ? Optional.empty() : Optional.of(changed);
  }

  /** Ends the watch; a wait under way ends with a ClosedWatchServiceException. */
  void close() throws IOException {
    watch.close();
  }
}
