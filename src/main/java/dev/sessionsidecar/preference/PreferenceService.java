package dev.sessionsidecar.preference;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.ProjectScope;
import dev.sessionsidecar.session.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Sets, reads and deletes preferences; a project's value overrides the global one. */
@ApplicationScoped
public class PreferenceService {

  private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$");

  private final ProjectScope scope;
  private final Timestamps time;

  private final Projects projects;

  PreferenceService(Projects projects, ProjectScope scope, Timestamps time) {
    this.projects = projects;
    this.scope = scope;
    this.time = time;
  }

  /** A stored preference and whether it was new. */
  public record Stored(PreferenceView preference, boolean created) {}

  @Transactional
  public Stored put(String key, PreferenceRequest request) {
    checkKey(key);
    if (request == null) {
      throw ApiException.invalidArgument("value", "is required: a short text");
    }
    long projectId = scope.forWriting(request.project()).orElse(Preference.GLOBAL);
    Preference.Key id = new Preference.Key(projectId, key);
    Preference preference = Preference.findById(id, LockModeType.PESSIMISTIC_WRITE);
    boolean created = preference == null;
    if (created) {
      preference = new Preference();
      preference.key = id;
    }
    preference.value = request.value();
    preference.updatedAt = time.now();
    preference.persist();
    return new Stored(view(preference, false), created);
  }

  @Transactional
  public void delete(String key, String project) {
    checkKey(key);
    long projectId = scope.forReading(project).orElse(Preference.GLOBAL);
    Preference preference = Preference.findById(new Preference.Key(projectId, key));
    if (preference == null) {
      throw ApiException.notFound(
          "No preference "
              + key
              + " in "
              + (project == null ? "the active project" : project)
              + ".");
    }
    preference.delete();
  }

  /**
   * The preferences in effect for a project (its own, and the global ones it does not override), or
   * the global ones only when {@code projectId} is empty; by key.
   */
  @Transactional
  public List<PreferenceView> effective(Optional<Long> projectId, int limit) {
    Map<String, PreferenceView> byKey = new TreeMap<>();
    Preference.of(Preference.GLOBAL).forEach(p -> byKey.put(p.key.name, view(p, false)));
    projectId.ifPresent(
        id ->
            Preference.of(id)
                .forEach(p -> byKey.put(p.key.name, view(p, byKey.containsKey(p.key.name)))));
    List<PreferenceView> views = new ArrayList<>(byKey.values());
    views.sort(Comparator.comparing(PreferenceView::key));
    return views.stream().limit(limit).toList();
  }

  private PreferenceView view(Preference p, boolean overridesGlobal) {
    String project =
        p.key.projectId == Preference.GLOBAL
            ? ProjectScope.GLOBAL
            : projects.pathOf(p.key.projectId);
    return new PreferenceView(p.key.name, p.value, project, overridesGlobal, p.updatedAt);
  }

  private static void checkKey(String key) {
    if (!KEY.matcher(key).matches()) {
      throw ApiException.invalidArgument(
          "key",
          "must be 1 to 100 of letters, digits and . _ : - starting with a letter or digit (got "
              + PlainText.abbreviate(key, 40)
              + ")");
    }
  }
}
