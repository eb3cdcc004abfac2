package dev.sessionsidecar.platform;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Commits concurrent writes together. Callers block until their write is committed, so an
 * acknowledged write is durable, but writes that arrive while a commit is under way share the next
 * transaction and its single file write. If a shared transaction fails, each write of it is retried
 * in a transaction of its own, so one bad write cannot fail the others.
 *
 * @param <I> one caller's write
 * @param <O> what the caller gets back
 */
public final class GroupCommit<I, O> {

  private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
  private final Function<List<I>, List<O>> writeAll;
  private final int maxGroup;
  private final Thread writer;

  private record Pending<I, O>(I input, CompletableFuture<O> result) {}

  /**
   * @param name the writer thread's name
   * @param writeAll writes a group inside the transaction it is given and answers one output per
   *     input, in order
   * @param maxGroup most writes in one transaction
   */
  public GroupCommit(String name, Function<List<I>, List<O>> writeAll, int maxGroup) {
    this.writeAll = writeAll;
    this.maxGroup = maxGroup;
    this.writer = new Thread(this::loop, name);
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Writes and waits for the commit; a failure of this write is thrown as it was raised. */
  public O submit(I input) {
    CompletableFuture<O> result = new CompletableFuture<>();
    queue.add(new Pending<>(input, result));
    return HandedOff.result(result, "a commit");
  }

  public void stop() {
    writer.interrupt();
  }

  private void loop() {
    List<Pending<I, O>> group = new ArrayList<>(maxGroup);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        group.add(queue.take());
        queue.drainTo(group, maxGroup - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        Log.error("Group commit writer failed", e);
        group.forEach(p -> p.result().completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
    queue.forEach(p -> p.result().completeExceptionally(new IllegalStateException("shut down")));
  }

  private void commit(List<Pending<I, O>> group) {
    List<I> inputs = group.stream().map(Pending::input).toList();
    List<O> outputs;
    try {
      outputs = QuarkusTransaction.requiringNew().call(() -> writeAll.apply(inputs));
    } catch (RuntimeException groupFailed) {
      // Even a group of one is tried again: on a shared database it may have lost a race on a
      // unique key to another sidecar, and its own transaction then finds the winner's record.
      group.forEach(this::commitAlone);
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).result().complete(outputs.get(i));
    }
  }

  private void commitAlone(Pending<I, O> pending) {
    try {
      List<O> output =
          QuarkusTransaction.requiringNew().call(() -> writeAll.apply(List.of(pending.input())));
      pending.result().complete(output.get(0));
    } catch (RuntimeException e) {
      pending.result().completeExceptionally(e);
    }
  }
}
