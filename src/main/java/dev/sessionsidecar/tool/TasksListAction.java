package dev.sessionsidecar.tool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.task.TaskQueries;
import dev.sessionsidecar.task.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code tasks_list}: open tasks first, then finished ones, newest first. */
@ApplicationScoped
class TasksListAction implements SessionAction {

  private final TaskQueries tasks;

  TasksListAction(TaskQueries tasks) {
    this.tasks = tasks;
  }

  /** The typed result. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Data(int sinceDays, List<TaskView> tasks) {}

  @Override
  public ActionName name() {
    return ActionName.TASKS_LIST;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    int sinceDays = arguments.sinceDays();
    List<TaskView> list = tasks.list(arguments.limit(), sinceDays);
    long open =
        list.stream()
            .filter(t -> t.status().equals("working") || t.status().equals("input_required"))
            .count();
    StringBuilder text =
        new StringBuilder()
            .append(open)
            .append(" open, ")
            .append(list.size() - open)
            .append(" finished")
            .append(sinceDays == 0 ? "" : " in the last " + sinceDays + " days")
            .append("; open first, newest first");
    list.forEach(t -> text.append('\n').append(TaskLines.task(t)));
    return new ToolReply(name().wireName(), text.toString(), new Data(sinceDays, list));
  }
}
