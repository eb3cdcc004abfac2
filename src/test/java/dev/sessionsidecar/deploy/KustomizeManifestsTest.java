package dev.sessionsidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Renders the kustomize base and overlay with kubectl's kustomize and reads every manifest into the
 * fabric8 Kubernetes model, failing on any field the model does not know; then checks that probes
 * and ports agree with the service's own configuration.
 */
class KustomizeManifestsTest {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "ConfigMap", ConfigMap.class,
          "Deployment", Deployment.class,
          "PersistentVolumeClaim", PersistentVolumeClaim.class,
          "Secret", Secret.class);

  @Test
  void theBaseIsAConfigMapAndADeploymentOfKnownFieldsOnly() throws Exception {
    List<HasMetadata> objects = render("deploy/k8s/base");
    assertEquals(
        List.of("ConfigMap", "Deployment"),
        objects.stream().map(HasMetadata::getKind).sorted().toList());
    assertNotNull(volume(pod(objects), "data").getEmptyDir(), "the data on an emptyDir");
  }

  /**
   * The agent writes its transcripts where the sidecar reads them: one volume per agent, mounted
   * read-only in the sidecar at the folder its configuration names, and at the agent's {@code
   * CLAUDE_CONFIG_DIR} and {@code CODEX_HOME}.
   */
  @Test
  void theAgentsTranscriptsAreSharedWithTheSidecarReadOnly() throws Exception {
    List<HasMetadata> objects = render("deploy/k8s/base");
    PodSpec pod = pod(objects);
    Map<String, String> config =
        objects.stream()
            .filter(ConfigMap.class::isInstance)
            .map(o -> ((ConfigMap) o).getData())
            .findFirst()
            .orElseThrow();
    Container agent =
        pod.getContainers().stream()
            .filter(c -> c.getName().equals("agent"))
            .findFirst()
            .orElseThrow();
    Map<String, String> agentEnv =
        agent.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    for (List<String> shared :
        List.of(
            List.of("claude-config", "SIDECAR_TRANSCRIPTS_CLAUDE_CODE", "CLAUDE_CONFIG_DIR"),
            List.of("codex-home", "SIDECAR_TRANSCRIPTS_CODEX", "CODEX_HOME"))) {
      assertNotNull(volume(pod, shared.get(0)).getEmptyDir(), shared.get(0));
      VolumeMount read = mount(sidecar(pod), shared.get(0));
      assertTrue(read.getReadOnly(), "the sidecar only reads " + shared.get(0));
      assertEquals(config.get(shared.get(1)), read.getMountPath());
      assertEquals(agentEnv.get(shared.get(2)), mount(agent, shared.get(0)).getMountPath());
      assertEquals(read.getMountPath(), agentEnv.get(shared.get(2)));
    }
  }

  private static VolumeMount mount(Container container, String volume) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getName().equals(volume))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theJvmOverlayRunsTheJvmImageWithMoreMemoryThanTheNativeBase() throws Exception {
    Container base = sidecar(pod(render("deploy/k8s/base")));
    Container jvm = sidecar(pod(render("deploy/k8s/overlays/jvm")));
    assertTrue(jvm.getImage().endsWith("-jvm"), jvm.getImage());
    assertEquals(new Quantity("320Mi"), jvm.getResources().getRequests().get("memory"));
    assertEquals(new Quantity("512Mi"), jvm.getResources().getLimits().get("memory"));
    assertTrue(
        Quantity.getAmountInBytes(base.getResources().getLimits().get("memory"))
                .compareTo(Quantity.getAmountInBytes(jvm.getResources().getLimits().get("memory")))
            < 0,
        "the native base asks for less");
    assertEquals(
        base.getResources().getRequests().get("cpu"), jvm.getResources().getRequests().get("cpu"));
  }

  @Test
  void theJvmOverlayMountsTheJvmOptionsTheImageStartsWith() throws Exception {
    Path options = Path.of("deploy/k8s/overlays/jvm/jvm.options");
    List<HasMetadata> objects = render("deploy/k8s/overlays/jvm");
    ConfigMap generated =
        objects.stream()
            .filter(ConfigMap.class::isInstance)
            .map(ConfigMap.class::cast)
            .filter(c -> c.getMetadata().getName().startsWith("session-sidecar-jvm-options"))
            .findFirst()
            .orElseThrow();
    assertEquals(Files.readString(options), generated.getData().get("jvm.options"));
    PodSpec pod = pod(objects);
    assertEquals(
        generated.getMetadata().getName(), volume(pod, "jvm-options").getConfigMap().getName());
    var mount =
        sidecar(pod).getVolumeMounts().stream()
            .filter(m -> m.getName().equals("jvm-options"))
            .findFirst()
            .orElseThrow();
    assertEquals("/app/jvm.options", mount.getMountPath());
    String containerfile = Files.readString(Path.of("deploy/Containerfile.jvm"));
    assertTrue(containerfile.contains("WORKDIR /app"), "java runs from /app");
    assertTrue(containerfile.contains("COPY " + options + " /app/jvm.options"), "the image's copy");
    assertTrue(
        containerfile.contains("ENTRYPOINT [\"java\", \"@jvm.options\""),
        "java reads its options from the file");
  }

  @Test
  void theOverlayKeepsTheDataOnAClaimAndRecreatesThePod() throws Exception {
    List<HasMetadata> objects = render("deploy/k8s/overlays/persistent-data");
    assertTrue(objects.stream().anyMatch(o -> o instanceof PersistentVolumeClaim));
    Volume data = volume(pod(objects), "data");
    assertNull(data.getEmptyDir(), "the claim replaces the emptyDir");
    assertEquals("session-sidecar-data", data.getPersistentVolumeClaim().getClaimName());
    assertEquals("Recreate", deployment(objects).getSpec().getStrategy().getType());
  }

  @Test
  void theFleetOverlayPointsTheSidecarAtASharedPostgresqlWithCredentialsFromASecret()
      throws Exception {
    List<HasMetadata> objects = render("deploy/k8s/overlays/fleet");
    Secret secret =
        objects.stream()
            .filter(Secret.class::isInstance)
            .map(Secret.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals("REPLACE-ME", secret.getStringData().get("password"), "a placeholder only");
    Container sidecar = sidecar(pod(objects));
    assertTrue(sidecar.getImage().endsWith("-postgresql"), "an image built for PostgreSQL");
    Map<String, EnvVar> env =
        sidecar.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertEquals("postgresql", env.get("SIDECAR_STORE").getValue());
    assertEquals("4", env.get("SIDECAR_POSTGRESQL_POOL_SIZE").getValue(), "the budget, named");
    for (String name :
        List.of(
            "SIDECAR_POSTGRESQL_URL",
            "SIDECAR_POSTGRESQL_USERNAME",
            "SIDECAR_POSTGRESQL_PASSWORD")) {
      assertEquals(
          secret.getMetadata().getName(),
          env.get(name).getValueFrom().getSecretKeyRef().getName(),
          name);
      assertTrue(
          secret
              .getStringData()
              .containsKey(env.get(name).getValueFrom().getSecretKeyRef().getKey()),
          name);
    }
    assertTrue(env.containsKey("SIDECAR_POD_NAME"), "the instance identity stays the pod name");
  }

  @Test
  void theSidecarIsANativeSidecarWithProbesAndPortsOfTheServicesConfiguration() throws Exception {
    Properties config = new Properties();
    try (InputStream in =
        Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
      config.load(in);
    }
    int apiPort = Integer.parseInt(config.getProperty("quarkus.http.port"));
    int managementPort = Integer.parseInt(config.getProperty("quarkus.management.port"));
    PodSpec pod = pod(render("deploy/k8s/base"));
    Container sidecar = sidecar(pod);
    assertEquals("Always", sidecar.getRestartPolicy(), "an init container that keeps running");
    Map<String, Integer> ports =
        sidecar.getPorts().stream()
            .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
    assertEquals(Map.of("api", apiPort, "management", managementPort), ports);
    assertProbe(sidecar.getStartupProbe(), "/q/health/started");
    assertProbe(sidecar.getReadinessProbe(), "/q/health/ready");
    assertProbe(sidecar.getLivenessProbe(), "/q/health/live");

    Map<String, String> downward =
        sidecar.getEnv().stream()
            .filter(e -> e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null)
            .collect(
                Collectors.toMap(
                    EnvVar::getName, e -> e.getValueFrom().getFieldRef().getFieldPath()));
    assertEquals(
        Map.of(
            "SIDECAR_POD_NAME", "metadata.name",
            "SIDECAR_POD_NAMESPACE", "metadata.namespace",
            "SIDECAR_POD_UID", "metadata.uid",
            "SIDECAR_NODE_NAME", "spec.nodeName"),
        downward);

    assertTrue(pod.getSecurityContext().getRunAsNonRoot());
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
    assertTrue(sidecar.getSecurityContext().getReadOnlyRootFilesystem());
    assertEquals(List.of("ALL"), sidecar.getSecurityContext().getCapabilities().getDrop());
    assertNotNull(sidecar.getResources().getLimits().get("memory"));
    assertEquals(
        "/data",
        sidecar.getVolumeMounts().stream()
            .filter(m -> m.getName().equals("data"))
            .findFirst()
            .orElseThrow()
            .getMountPath());
  }

  private static void assertProbe(Probe probe, String path) {
    assertNotNull(probe, path);
    assertEquals(path, probe.getHttpGet().getPath());
    assertEquals("management", probe.getHttpGet().getPort().getStrVal());
  }

  private static Deployment deployment(List<HasMetadata> objects) {
    return objects.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static PodSpec pod(List<HasMetadata> objects) {
    return deployment(objects).getSpec().getTemplate().getSpec();
  }

  private static Container sidecar(PodSpec pod) {
    return pod.getInitContainers().stream()
        .filter(c -> c.getName().equals("session-sidecar"))
        .findFirst()
        .orElseThrow();
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Renders with the project's script and reads each document into its model class. */
  static List<HasMetadata> render(String dir) throws Exception {
    Process process =
        new ProcessBuilder("bash", "deploy/k8s/render.sh", dir)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "kustomize finished");
    assertEquals(0, process.exitValue(), "kustomize rendered " + dir);
    List<HasMetadata> objects = new ArrayList<>();
    for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      String kind = document.path("kind").asText();
      Class<? extends HasMetadata> type = KINDS.get(kind);
      if (type == null) {
        fail("unexpected kind " + kind + " in " + dir);
      }
      HasMetadata object = YAML.treeToValue(document, type);
      assertNoUnknownFields(object, kind + " " + object.getMetadata().getName());
      objects.add(object);
    }
    return objects;
  }

  /**
   * The model keeps fields it does not know in {@code additionalProperties} instead of failing; any
   * entry there is a misspelt or misplaced field.
   */
  static void assertNoUnknownFields(Object object, String path)
      throws ReflectiveOperationException {
    if (object == null) {
      return;
    }
    if (object instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        assertNoUnknownFields(item, path + "[" + i++ + "]");
      }
      return;
    }
    if (object instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        assertNoUnknownFields(entry.getValue(), path + "." + entry.getKey());
      }
      return;
    }
    if (!object.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : object.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = getter.invoke(object);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          fail("unknown field(s) " + extra.keySet() + " at " + path);
        }
        continue;
      }
      assertNoUnknownFields(value, path + "." + getter.getName().substring(3));
    }
  }
}
