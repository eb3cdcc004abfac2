package dev.sessionsidecar.otlp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token counts into a usage record, in the sidecar's convention (input includes cached input).
 * Producers that count cached input apart (Anthropic, Claude Code) have it added in.
 */
final class Tokens {

  private Tokens() {}

  static void put(
      ObjectNode record,
      Long input,
      Long output,
      Long cacheRead,
      Long cacheWrite,
      boolean cacheCountedApart) {
    long read = cacheRead == null ? 0 : cacheRead;
    long write = cacheWrite == null ? 0 : cacheWrite;
    long in = input == null ? 0 : input;
    // A producer that says input excludes the cache, or whose cached part exceeds the input,
    // counted them apart: add them in so the record is consistent.
    if (cacheCountedApart || read + write > in) {
      in += read + write;
    }
    record.put("input_tokens", in);
    record.put("output_tokens", output == null ? 0 : output);
    record.put("cache_read_tokens", read);
    record.put("cache_write_tokens", write);
  }
}
