package dev.sessionsidecar.goal;

import dev.sessionsidecar.platform.Conditions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** A goal of a project, or a global one when {@code projectId} is null. */
@Entity
public class Goal extends PanacheEntityBase {

  @Id public String id;

  @Column(name = "project_id")
  public Long projectId;

  @Column(nullable = false)
  public String title;

  public String detail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GoalStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GoalPriority priority;

  @Column(name = "progress_percent", nullable = false)
  public int progressPercent;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The goals that meet the conditions, in no particular order. */
  static List<Goal> matching(Conditions conditions) {
    return list(conditions.where(), conditions.parameters());
  }
}
