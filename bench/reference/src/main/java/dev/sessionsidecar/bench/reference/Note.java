package dev.sessionsidecar.bench.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import java.time.Instant;

/** The reference application's one entity. */
@Entity
public class Note extends PanacheEntity {
  public String text;
  public Instant createdAt;
}
