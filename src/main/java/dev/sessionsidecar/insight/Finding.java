package dev.sessionsidecar.insight;

import java.util.List;

/**
 * One finding as a reporter states it, before it is stored: posted by a client or produced by the
 * pondering. {@code dedupeKey} identifies the finding within its project.
 */
public record Finding(
    InsightSource source,
    String kind,
    String title,
    String detail,
    List<Evidence> evidence,
    double confidence,
    String dedupeKey) {}
