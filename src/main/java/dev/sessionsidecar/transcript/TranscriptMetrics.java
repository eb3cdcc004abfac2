package dev.sessionsidecar.transcript;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code sidecar_transcript_lines_total{outcome}}: transcript lines read ({@code read}) and skipped
 * as unusable ({@code skipped}: not JSON, a malformed request, longer than the limit), and {@code
 * sidecar_transcript_files_skipped_total}: files that could not be read at all (unreadable, a link,
 * a path too long to keep).
 */
@ApplicationScoped
public class TranscriptMetrics {

  private final AtomicLong read = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong skippedFiles = new AtomicLong();

  TranscriptMetrics(MeterRegistry registry) {
    registry.more().counter("sidecar.transcript.lines", tags("read"), read);
    registry.more().counter("sidecar.transcript.lines", tags("skipped"), skipped);
    registry.more().counter("sidecar.transcript.files.skipped", List.of(), skippedFiles);
  }

  private static List<Tag> tags(String outcome) {
    return List.of(Tag.of("outcome", outcome));
  }

  void linesRead(long lines) {
    read.addAndGet(lines);
  }

  void linesSkipped(long lines) {
    skipped.addAndGet(lines);
  }

  void fileSkipped() {
    skippedFiles.incrementAndGet();
  }

  /** Lines read since start, for the page. */
  public long readLines() {
    return read.get();
  }

  /** Lines skipped since start, for the page. */
  public long skippedLines() {
    return skipped.get();
  }

  /** Files skipped since start, for the page. */
  public long skippedFiles() {
    return skippedFiles.get();
  }
}
