package dev.sessionsidecar.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The last run of one kind of periodic work, shared by every sidecar of the database. */
@Entity
@Table(name = "fleet_job")
class FleetJob extends PanacheEntityBase {

  @Id public String name;

  @Column(name = "last_run_at", nullable = false)
  public Instant lastRunAt;

  @Column(name = "last_runner")
  public String lastRunner;

  /**
   * Takes the next run of a job whose last run is at least {@code period} ago: one atomic update,
   * so of many sidecars asking at once exactly one gets it.
   */
  static boolean claimDue(String name, Instant now, Instant dueIfLastBefore, String runner) {
    return update(
            "lastRunAt = ?1, lastRunner = ?2 where name = ?3 and lastRunAt <= ?4",
            now,
            runner,
            name,
            dueIfLastBefore)
        == 1;
  }
}
