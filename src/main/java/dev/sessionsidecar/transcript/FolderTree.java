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
 * What is under a folder, links not followed, walked past what cannot be read: a folder the sidecar
 * may not open (or one deleted meanwhile) leaves out only what it holds, where {@code Files.walk}
 * would give up on the whole tree.
 *
 * @param folders the folder and every folder under it, each before what it holds
 * @param files everything else under them (files, links, pipes)
 */
record FolderTree(List<Path> folders, List<Path> files) {

  /**
   * One walk of the tree under {@code top}; each path that could not be read for want of permission
   * goes to {@code unreadable}.
   */
  static FolderTree of(Path top, Consumer<Path> unreadable) throws IOException {
    FolderTree tree = new FolderTree(new ArrayList<>(), new ArrayList<>());
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
            tree.folders().add(folder);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            tree.files().add(file);
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
    return tree;
  }
}
