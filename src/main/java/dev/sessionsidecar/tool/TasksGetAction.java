package dev.sessionsidecar.tool;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.task.TaskService;
import dev.sessionsidecar.task.TaskView;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code tasks_get}: one task with its result or error and the poll interval to honour. */
@ApplicationScoped
class TasksGetAction implements SessionAction {

  private final TaskService tasks;

  TasksGetAction(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public ActionName name() {
    return ActionName.TASKS_GET;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    TaskView task = tasks.get(taskId(arguments));
    return new ToolReply(name().wireName(), TaskLines.details(task), task);
  }

  static String taskId(ToolArguments arguments) {
    return arguments
        .id(ToolParameter.TASK_ID)
        .orElseThrow(
            () ->
                ApiException.invalidArgument(
                    "task_id", "is required: take a taskId from tasks_list"));
  }
}
