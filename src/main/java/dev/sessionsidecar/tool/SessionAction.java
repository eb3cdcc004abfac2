package dev.sessionsidecar.tool;

/** One action of the {@code session} tool; each is a small bean the facade finds by its name. */
public interface SessionAction {

  ActionName name();

  /** Runs the action on arguments already checked against {@link ActionName#parameters()}. */
  ToolReply run(ToolArguments arguments);
}
