package org.arxiv.submission.agent.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.runner.Dispatcher;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.store.QuarantineStore.QuarantinedRecord;
import org.arxiv.submission.agent.stream.RawRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists quarantined records and re-drives them through the dispatcher. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = "List quarantined records, or re-drive them once the cause is fixed.")
final class QuarantineCommand extends AgentCommand {

  @Parameters(paramLabel = "ACTION", defaultValue = "list",
      description = "list (default) or redrive.")
  String action;

  @Option(names = "--id", paramLabel = "ID",
      description = "Only this quarantined record (default: every record not yet re-driven).")
  Long id;

  @Option(names = "--all", description = "With list: include records already re-driven.")
  boolean all;

  @Override
  public Integer call() {
    try (AgentRuntime runtime = openRuntime()) {
      List<QuarantinedRecord> records = runtime.database().inTransaction(
          c -> runtime.quarantine().list(c, !all || "redrive".equals(action)));
      if (id != null) {
        records = records.stream().filter(r -> r.id() == id).toList();
        if (records.isEmpty()) {
          err().printf("Quarantined record %d not found%s%n", id,
              all && "list".equals(action) ? "" : " among those not yet re-driven (list --all"
                  + " shows every record)");
          err().flush();
          return 3;
        }
      }
      return switch (action) {
        case "list" -> list(records);
        case "redrive" -> redrive(runtime, records);
        default -> {
          err().printf("Unknown action %s; use list or redrive%n", action);
          err().flush();
          yield 2;
        }
      };
    }
  }

  private int list(List<QuarantinedRecord> records) {
    out().printf("Quarantined records: %d%n", records.size());
    for (QuarantinedRecord record : records) {
      String data = new String(record.data(), StandardCharsets.UTF_8);
      out().printf("%d  %s %s %s  %s%s%n    error: %s%n    data:  %s%n", record.id(),
          record.streamName(), record.shardId(), record.sequenceNumber(), record.quarantined(),
          record.redriven() == null ? "" : " (re-driven " + record.redriven() + ")",
          record.error(), data.length() > 200 ? data.substring(0, 200) + "..." : data);
    }
    out().flush();
    return 0;
  }

  private int redrive(AgentRuntime runtime, List<QuarantinedRecord> records) {
    int handled = 0;
    try (JobQueue queue = runtime.openQueue(0)) {
      for (QuarantinedRecord record : records) {
        RawRecord raw = new RawRecord(record.shardId(), record.sequenceNumber(),
            record.partitionKey(), record.data(), null);
        Dispatcher.Result result = runtime.database().inTransaction(c -> {
          Dispatcher.Result outcome = runtime.dispatcher().dispatch(c, record.streamName(), raw);
          runtime.quarantine().markRedriven(c, record.id(),
              outcome.outcome() == Dispatcher.Outcome.QUARANTINED ? outcome.reason() : null);
          return outcome;
        });
        queue.enqueue(result.newRuns());
        out().printf("%d: %s%s%n", record.id(), result.outcome().name().toLowerCase(),
            result.reason() == null ? ", started " + result.newRuns().size() + " processes"
                : ": " + result.reason());
        handled += result.outcome() == Dispatcher.Outcome.QUARANTINED ? 0 : 1;
      }
    }
    out().printf("Re-drove %d of %d records%n", handled, records.size());
    out().flush();
    return handled == records.size() ? 0 : 5;
  }
}
