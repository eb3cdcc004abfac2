package dev.sessionsidecar.agents;

import static dev.sessionsidecar.agents.RealClaudeCodeIT.json;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionsidecar.agents.ScriptedModel.Call;
import dev.sessionsidecar.agents.ScriptedModel.Issued;
import dev.sessionsidecar.agents.ScriptedModel.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a real agent hands its model from the session tool over MCP, action by action, against the
 * compact text the tool writes for the model: the model should read that text and little else.
 */
final class ModelReading {

  /** The actions read, each once, in one turn. */
  static final List<String> ACTIONS =
      List.of("current_session", "recap", "get_history", "usage_summary", "list_sessions");

  /** What the model may read beyond the compact text: a tenth, and a little for the wrapping. */
  private static final double ALLOWANCE = 1.10;

  private static final int WRAPPING = 40;

  private final Map<String, String> compactTexts = new ConcurrentHashMap<>();

  /**
   * Scripts {@code script} on the model: one turn calling the session tool (named as the agent
   * names it) once per action, then a closing text; just before that closing turn, while the
   * session is still active, the compact texts of the same actions are read through REST.
   */
  static ModelReading script(
      ScriptedModel model, String script, String mcpTool, SidecarRecord stored) {
    ModelReading reading = new ModelReading();
    model.script(
        script,
        Turn.call(
            ACTIONS.stream()
                .map(action -> new Call(mcpTool, json("{\"action\":\"" + action + "\"}")))
                .toArray(Call[]::new)),
        Turn.say("Read."));
    model.beforeTurn(script, 1, () -> reading.readTexts(stored));
    return reading;
  }

  private void readTexts(SidecarRecord stored) {
    for (String action : ACTIONS) {
      try {
        String body = "{\"action\":\"" + action + "\"}";
        compactTexts.put(action, stored.post("/v1/tools/session", body).path("text").asText());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Checks, for each action the model called, that what the agent handed it is at most the compact
   * text plus the allowance; prints the figures (characters read, characters of the text).
   */
  Map<String, String> check(String agent, ScriptedModel model) {
    Map<String, String> figures = new LinkedHashMap<>();
    List<String> over = new ArrayList<>();
    for (Issued call : model.issued()) {
      String action = call.input().path("action").asText();
      String read = model.textOf(call.callId());
      assertNotNull(read, "the model got an answer to " + action);
      String text = compactTexts.get(action);
      assertNotNull(text, "the compact text of " + action + " was read");
      figures.put(action, read.length() + " read / " + text.length() + " text");
      if (read.length() > text.length() * ALLOWANCE + WRAPPING) {
        over.add(action + ": " + read);
      }
    }
    System.out.println(agent + ", characters the model read per action: " + figures);
    assertTrue(over.isEmpty(), agent + " handed its model more than the compact text: " + over);
    return figures;
  }
}
