package dev.sessionsidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionsidecar.testing.Promtool;
import org.junit.jupiter.api.Test;

/** The shipped Prometheus rules load and do what their unit tests say (promtool test rules). */
class MonitoringRulesTest {

  @Test
  void theRecordingRulesAndTheAlertPassTheirPromtoolTests() throws Exception {
    Promtool.Outcome outcome =
        Promtool.run(null, "test", "rules", "deploy/k8s/monitoring/sidecar-rules.test.yaml");
    assertEquals(0, outcome.exitCode(), outcome.output());
  }
}
