package dev.sessionsidecar.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete lines a file has gained since an offset. A last line without its newline is still
 * being written: it is left for the next read. A line longer than the limit is skipped whole.
 */
final class NewLines {

  /** The longest line read; a longer one is counted and skipped, never cut. */
  static final int MAX_LINE_BYTES = 10 * 1024 * 1024;

  /** The lines read, the offset just past the last of them, and how many were too long. */
  record Read(List<String> lines, long offset, int overlong) {}

  private final List<String> lines = new ArrayList<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private boolean overlong;
  private int overlongLines;
  private long committed;
  private final long stopAt;

  private NewLines(long offset, long budget) {
    this.committed = offset;
    this.stopAt = offset + budget;
  }

  /**
   * Lines from {@code offset}, stopping after the line that reaches {@code budget} bytes read (so a
   * budget that ends on a line's end reads exactly up to it).
   */
  static Read from(Path file, long offset, long budget) throws IOException {
    NewLines split = new NewLines(offset, budget);
    ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long base = offset;
      channel.position(offset);
      while (split.committed < split.stopAt) {
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
          break;
        }
        split.take(buffer.array(), n, base);
        base += n;
      }
    }
    return new Read(split.lines, split.committed, split.overlongLines);
  }

  /** Splits {@code n} bytes read at file offset {@code base} into lines, keeping the rest. */
  private void take(byte[] bytes, int n, long base) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == '\n') {
        keep(bytes, start, i - start);
        if (overlong) {
          overlongLines++;
        } else {
          lines.add(pending.toString(StandardCharsets.UTF_8));
        }
        pending.reset();
        overlong = false;
        start = i + 1;
        committed = base + start;
        if (committed >= stopAt) {
          return;
        }
      }
    }
    keep(bytes, start, n - start);
  }

  /** Adds bytes to the line being read, unless that makes it too long to keep. */
  private void keep(byte[] bytes, int from, int length) {
    if (overlong || pending.size() + length > MAX_LINE_BYTES) {
      overlong = true;
      pending.reset();
    } else {
      pending.write(bytes, from, length);
    }
  }
}
