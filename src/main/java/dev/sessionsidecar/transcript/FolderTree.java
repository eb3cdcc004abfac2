package dev.sessionsidecar.transcript;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything under a folder, links not followed, walked past what cannot be read: a folder the
 * sidecar may not open (or one deleted meanwhile) leaves out only what it holds, where {@code
 * Files.walk} would give up on the whole tree.
 */
final class FolderTree {

  private FolderTree() {}

  /**
   * The folder and every path under it, folders before what they hold; each path that could not be
   * read for want of permission goes to {@code unreadable}.
   */
  static List<Path> paths(Path top, Consumer<Path> unreadable) throws IOException {
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
            paths.add(folder);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            paths.add(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path path, IOException failure) {
            if (failure instanceof AccessDeniedException) {
              unreadable.accept(path);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return paths;
  }
}
