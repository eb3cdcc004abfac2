package dev.sessionsidecar.insight.ponder;

/** A model whose usage records carry no cost: no price is known for it. */
public record UnpricedModel(String provider, String model, long requests, long latestRecordId) {}
