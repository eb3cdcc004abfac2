package dev.sessionsidecar.insight.ponder;

import dev.sessionsidecar.insight.Finding;
import java.util.List;

/** One pattern the pondering looks for; pure, so it is tested on hand-built histories. */
interface PonderRule {

  List<Finding> findings(ProjectHistory history);
}
