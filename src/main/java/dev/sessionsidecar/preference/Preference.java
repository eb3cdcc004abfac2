package dev.sessionsidecar.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A short value under a key, for one project or (project 0) for all. */
@Entity
public class Preference extends PanacheEntityBase {

  /** The project id that stands for "global". */
  static final long GLOBAL = 0;

  /** The key of a preference row: its project and its name. */
  @Embeddable
  public static class Key implements Serializable {

    @Column(name = "project_id")
    public long projectId;

    @Column(name = "pref_key")
    public String name;

    public Key() {}

    Key(long projectId, String name) {
      this.projectId = projectId;
      this.name = name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.projectId == projectId && k.name.equals(name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(projectId, name);
    }
  }

  @EmbeddedId public Key key;

  @Column(name = "pref_value", nullable = false)
  public String value;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The preferences of one project, or with {@link #GLOBAL} the global ones. */
  static List<Preference> of(long projectId) {
    return list("key.projectId", projectId);
  }
}
