"""Writes an OTLP/JSON traces request of N GenAI chat spans (argv[1], default 1000) of one
conversation (argv[2]) to stdout, each span its own LLM call with distinct ids and token counts;
argv[3] (default 0) numbers the request, so the spans of another request have other ids."""
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
conversation = sys.argv[2] if len(sys.argv) > 2 else "otlp-bench"
batch = int(sys.argv[3]) if len(sys.argv) > 3 else 0


def attr(key, value):
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": value}}


spans = []
for i in range(n):
    start = 1_765_000_000_000_000_000 + i * 1_000_000_000
    spans.append({
        "traceId": "%032x" % (batch * 1_000_000 + i + 1),
        "spanId": "%016x" % (batch * 1_000_000 + i + 1),
        "name": "chat claude-sonnet-4-5",
        "startTimeUnixNano": str(start),
        "endTimeUnixNano": str(start + 900_000_000),
        "attributes": [
            attr("gen_ai.operation.name", "chat"),
            attr("gen_ai.provider.name", "anthropic"),
            attr("gen_ai.request.model", "claude-sonnet-4-5"),
            attr("gen_ai.conversation.id", conversation),
            attr("gen_ai.response.id", "msg_%s_%d_%d" % (conversation, batch, i)),
            attr("gen_ai.usage.input_tokens", 1000 + i),
            attr("gen_ai.usage.output_tokens", 100 + i),
        ],
    })
body = {"resourceSpans": [{"resource": {"attributes": [attr("service.name", "bench")]},
                           "scopeSpans": [{"spans": spans}]}]}
json.dump(body, sys.stdout)
