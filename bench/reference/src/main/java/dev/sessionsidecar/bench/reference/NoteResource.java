package dev.sessionsidecar.bench.reference;

import io.quarkus.scheduler.Scheduled;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;

/** Writes and lists notes; a scheduled job counts them, so the scheduler has work. */
@Path("/notes")
public class NoteResource {

  @POST
  @Transactional
  public Note add(Note note) {
    note.createdAt = Instant.now();
    note.persist();
    return note;
  }

  @GET
  public List<Note> list() {
    return Note.listAll();
  }

  @Scheduled(every = "60s")
  @Transactional
  void count() {
    Note.count();
  }
}
