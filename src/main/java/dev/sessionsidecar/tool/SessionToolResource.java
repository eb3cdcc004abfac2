package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST door to the {@code session} tool. */
@Path("/v1/tools/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tool")
public class SessionToolResource {

  private final SessionTool tool;

  SessionToolResource(SessionTool tool) {
    this.tool = tool;
  }

  @POST
  @Operation(
      summary = "Call the session tool",
      description =
          "Body: {\"action\": \"...\", ...} or {\"name\": \"session\", \"arguments\": {...}}."
              + " Actions: current_session, list_sessions, get_history, recap, usage_summary,"
              + " usage_stats, usage_list, insights, dismiss_insight, tasks_list, tasks_get,"
              + " tasks_cancel.")
  public ToolReply call(JsonNode body) {
    return tool.call(body);
  }
}
