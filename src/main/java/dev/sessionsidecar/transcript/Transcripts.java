package dev.sessionsidecar.transcript;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts a follower for each agent whose transcript folder is configured, and stops them. */
@ApplicationScoped
class Transcripts {

  private final TranscriptConfig config;
  private final ReadPositions positions;
  private final TranscriptIntake intake;
  private final TranscriptMetrics metrics;
  private final List<TranscriptFollower> followers = new ArrayList<>();

  Transcripts(
      TranscriptConfig config,
      ReadPositions positions,
      TranscriptIntake intake,
      TranscriptMetrics metrics) {
    this.config = config;
    this.positions = positions;
    this.intake = intake;
    this.metrics = metrics;
  }

  void onStart(@Observes StartupEvent event) throws IOException {
    if (config.claudeCode().isEmpty() && config.codex().isEmpty()) {
      return;
    }
    Map<Path, ReadPositions.Position> read = new HashMap<>();
    positions.load().forEach((path, position) -> read.put(Path.of(path), position));
    follow(TranscriptFormat.CLAUDE_CODE, config.claudeCode(), read);
    follow(TranscriptFormat.CODEX, config.codex(), read);
  }

  private void follow(
      TranscriptFormat format, Optional<Path> folder, Map<Path, ReadPositions.Position> read)
      throws IOException {
    if (folder.isPresent()) {
      followers.add(
          new TranscriptFollower(
              format,
              folder.get().toAbsolutePath().normalize(),
              config.rescanInterval(),
              read,
              positions,
              intake,
              metrics));
    }
  }

  @PreDestroy
  void stop() throws IOException, InterruptedException {
    for (TranscriptFollower follower : followers) {
      follower.stop();
    }
  }
}
