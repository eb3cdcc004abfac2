package dev.sessionsidecar.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A project the agent works in, identified by its path. */
@Entity
public class Project extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true)
  public String path;

  @Column(nullable = false)
  public String name;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  static Optional<Project> byPath(String path) {
    return find("path", path).firstResultOptional();
  }

  /** The projects with a session active at or after {@code since}, by id. */
  public static List<Project> withActivitySince(Instant since) {
    return list(
        "id in (select s.project.id from AgentSession s where s.lastActivityAt >= ?1) order by id",
        since);
  }
}
