package dev.sessionsidecar.otlp;

/**
 * Token counts of one LLM call in the sidecar's convention (input includes cached input). Producers
 * that count cached input apart (Anthropic, Claude Code) have it added in.
 */
record Tokens(long input, long output, long cacheRead, long cacheWrite) {

  static Tokens of(
      Long input, Long output, Long cacheRead, Long cacheWrite, boolean cacheCountedApart) {
    long read = cacheRead == null ? 0 : cacheRead;
    long write = cacheWrite == null ? 0 : cacheWrite;
    long in = input == null ? 0 : input;
    // A producer that says input excludes the cache, or whose cached part exceeds the input,
    // counted them apart: add them in so the record is consistent.
    if (cacheCountedApart || read + write > in) {
      in += read + write;
    }
    return new Tokens(in, output == null ? 0 : output, read, write);
  }
}
