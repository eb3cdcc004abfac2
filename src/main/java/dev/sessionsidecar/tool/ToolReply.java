package dev.sessionsidecar.tool;

/**
 * What an action answers: compact {@code text} for a model and the same facts typed in {@code
 * data}.
 */
public record ToolReply(String action, String text, Object data) {}
