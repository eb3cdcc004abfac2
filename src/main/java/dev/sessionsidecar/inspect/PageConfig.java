package dev.sessionsidecar.inspect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Inspection page settings, under {@code sidecar.ui.}. */
@ConfigMapping(prefix = "sidecar.ui")
public interface PageConfig {

  /**
   * Host names the page answers to (the {@code Host} header without its port). Behind {@code
   * kubectl port-forward} the browser says localhost; other names are refused, so a web site that
   * rebinds its own name to this address cannot read or drive the page.
   */
  @WithDefault("localhost,127.0.0.1,[::1]")
  List<String> allowedHosts();
}
