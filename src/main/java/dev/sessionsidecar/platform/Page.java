package dev.sessionsidecar.platform;

import java.util.List;

/** One page of a longer list, with the total so a client knows whether to ask for more. */
public record Page<T>(List<T> items, long total, int limit, int offset) {}
