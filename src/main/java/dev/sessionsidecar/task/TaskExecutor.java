package dev.sessionsidecar.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.Schema;
import dev.sessionsidecar.platform.StoreSelection;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs queued sidecar tasks on a bounded pool, lets them be cancelled (a flag they check between
 * steps, plus a thread interrupt), drops whatever a cancelled run finishes with, and fails the runs
 * a killed sidecar left behind.
 */
@ApplicationScoped
public class TaskExecutor {

  static final String RESTARTED = "the sidecar restarted while this task was running";

  private final InstanceIdentity instance;
  private final TaskLeases leases;
  private final boolean shared;
  private final TaskHandlers handlers;
  private final TaskConfig config;
  private final Timestamps time;
  private final ObjectMapper mapper;

  /**
   * How often the executor looks for queued tasks, renews its leases and looks for cancels: the
   * delay before a queued task starts or a cancel made elsewhere stops a run here.
   */
  static final String POLL = "1s";

  private final Map<String, Run> running = new ConcurrentHashMap<>();
  private final ExecutorService pool;

  /**
   * One run going on here. Its future is set just after the task is submitted, so a cancel that
   * comes before that finds none to interrupt: it sets {@code cancelled}, which the run checks.
   */
  private static final class Run {
    final AtomicBoolean cancelled = new AtomicBoolean();
    volatile Future<?> future;
  }

  TaskExecutor(
      TaskHandlers handlers,
      TaskConfig config,
      Timestamps time,
      ObjectMapper mapper,
      InstanceIdentity instance,
      TaskLeases leases,
      StoreSelection store) {
    this.instance = instance;
    this.leases = leases;
    this.shared = store.store().shared();
    this.handlers = handlers;
    this.config = config;
    this.time = time;
    this.mapper = mapper;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            config.concurrency(),
            r -> {
              Thread t = new Thread(r, "sidecar-task-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs once the schema is current: a run of this instance that was going on when it died failed.
   * On a shared database other instances' runs are left to their leases ({@link TaskLeases}).
   */
  void failOrphans(@Observes Schema.Current schemaIsCurrent) {
    // On a shared database only this instance's runs; on H2 every run in the file was ours.
    String runner = shared ? instance.id() : null;
    int orphans =
        QuarkusTransaction.requiringNew()
            .call(() -> TaskRuns.failRuns(runner, RESTARTED, time.now()));
    if (orphans > 0) {
      Log.warnf("Marked %d task(s) failed: %s", orphans, RESTARTED);
    }
  }

  void stop(@Observes ShutdownEvent e) {
    pool.shutdownNow();
  }

  /** Starts queued tasks while there is room in the pool; safe to call from any thread. */
  @Scheduled(
      every = POLL,
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Schema.NotCurrent.class)
  public synchronized void dispatch() {
    while (running.size() < config.concurrency()) {
      Optional<Task> next = QuarkusTransaction.requiringNew().call(this::claimNext);
      if (next.isEmpty()) {
        return;
      }
      start(next.get());
    }
  }

  /**
   * Claims the oldest queued sidecar task. On a shared database the claim skips rows another
   * instance holds ({@code FOR UPDATE SKIP LOCKED}), so instances never wait on each other and
   * never claim the same task; on H2 there is one instance and a plain row lock does.
   */
  private Optional<Task> claimNext() {
    Optional<Task> next = shared ? TaskRuns.claimQueuedSkippingLocked() : claimLocked();
    next.ifPresent(t -> t.start(time.now(), instance.id()));
    return next;
  }

  private static Optional<Task> claimLocked() {
    return TaskRuns.queued().withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  /**
   * Renews the leases of the runs going on here, stops those that were cancelled meanwhile (on any
   * instance: a cancel made elsewhere reaches the run here within a second), and fails the runs of
   * instances whose leases ran out.
   */
  @Scheduled(
      every = POLL,
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Schema.NotCurrent.class)
  void watchLeases() {
    for (String ended : leases.renew(Set.copyOf(running.keySet()))) {
      Log.infof("Task %s ended elsewhere (cancelled, or failed); its run here stops", ended);
      interrupt(ended);
    }
    if (shared) {
      // On H2 every run is this instance's: a restart fails them all (failOrphans).
      leases.failExpired();
    }
  }

  private void start(Task task) {
    TaskHandler handler = handlers.forKind(task.kind).orElseThrow();
    Run run = new Run();
    running.put(task.taskId, run);
    String parameters = task.parameters;
    run.future = pool.submit(() -> execute(task.taskId, handler, parameters, run));
  }

  private void execute(String taskId, TaskHandler handler, String parameters, Run run) {
    try {
      RunContext context = new RunContext(taskId, readParameters(parameters), run.cancelled, time);
      JsonNode result = handler.run(context);
      finish(
          taskId,
          run,
          t -> t.complete(result == null ? null : result.toString(), "done", time.now()));
    } catch (TaskContext.TaskCancelledException | InterruptedException cancelled) {
      if (!run.cancelled.get()) {
        finish(taskId, run, t -> t.fail("interrupted", time.now()));
      }
    } catch (Exception | Error e) {
      Log.warnf(e, "Task %s (%s) failed", taskId, handler.kind());
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      finish(taskId, run, t -> t.fail(reason, time.now()));
    } finally {
      running.remove(taskId);
      Thread.interrupted();
      // A slot just freed: start the next queued task now rather than at the next 1 s tick. This
      // runs on the worker thread while the scheduler may dispatch too; dispatch() is synchronized
      // so that the two never claim more tasks than the pool has threads.
      dispatch();
    }
  }

  /** Applies the end of a run unless the task was cancelled (or deleted) meanwhile. */
  private void finish(String taskId, Run run, Consumer<Task> end) {
    if (run.cancelled.get()) {
      return;
    }
    Thread.interrupted();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Task task = Task.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
              if (task != null && !task.status.isFinal()) {
                end.accept(task);
              }
            });
  }

  /** Stops a run of this task, if one is going on here. */
  void interrupt(String taskId) {
    Run run = running.get(taskId);
    if (run != null) {
      run.cancelled.set(true);
      Future<?> future = run.future;
      if (future != null) {
        future.cancel(true);
      }
    }
  }

  /**
   * The task's stored parameters; ones that are not JSON any more fail the task with that reason
   * (run with none instead, a purge or a ponder would do what nobody asked for).
   */
  private JsonNode readParameters(String json) {
    try {
      return json == null ? mapper.createObjectNode() : mapper.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "its stored parameters are not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
