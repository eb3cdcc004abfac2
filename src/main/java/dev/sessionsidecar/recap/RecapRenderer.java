package dev.sessionsidecar.recap;

/** Renders a recap as text for a model and a person; the tool's renderer implements it. */
public interface RecapRenderer {

  String text(Recap recap);
}
