package dev.sessionsidecar.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrowserOriginsTest {

  private final BrowserOrigins origins = new BrowserOrigins(List.of("https://UI.example"));

  @Test
  void clientsWithoutAnOriginAndPagesOnThisMachinePass() {
    assertTrue(origins.allows(null));
    assertTrue(origins.allows("http://localhost:8080"));
    assertTrue(origins.allows("http://127.0.0.1:6274"));
    assertTrue(origins.allows("http://[::1]:3000"));
    assertTrue(origins.allows("HTTP://LOCALHOST"));
  }

  @Test
  void listedOriginsPassExactly() {
    assertTrue(origins.allows("https://ui.example"));
    assertFalse(origins.allows("http://ui.example"));
    assertFalse(origins.allows("https://ui.example:8443"));
  }

  @Test
  void otherPagesAreRefused() {
    assertFalse(origins.allows("https://evil.example"));
    assertFalse(origins.allows("http://localhost.evil.example"));
    assertFalse(origins.allows("http://127.0.0.1.nip.io"));
    assertFalse(origins.allows("null"));
    assertFalse(origins.allows(""));
    assertFalse(origins.allows("http://exa mple"));
  }
}
