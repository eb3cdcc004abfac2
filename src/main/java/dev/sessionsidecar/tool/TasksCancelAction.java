package dev.sessionsidecar.tool;

import dev.sessionsidecar.task.TaskService;
import dev.sessionsidecar.task.TaskView;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code tasks_cancel}: an open task becomes cancelled at once and its work is interrupted. */
@ApplicationScoped
class TasksCancelAction implements SessionAction {

  private final TaskService tasks;

  TasksCancelAction(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public ActionName name() {
    return ActionName.TASKS_CANCEL;
  }

  @Override
  public ToolReply run(ToolArguments arguments) {
    TaskView task = tasks.cancel(TasksGetAction.taskId(arguments));
    return new ToolReply(name().wireName(), "cancelled\n" + TaskLines.task(task), task);
  }
}
