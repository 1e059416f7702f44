package org.arxiv.submission.agent.cli;

import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;
import org.arxiv.submission.agent.stream.local.LocalEventStream;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Appends records, one JSON document a line, to the configured stream. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Append records (one JSON document a line) to the configured stream.")
final class PublishCommand extends AgentCommand {

  /** The partition key of records that name no submission, as the original's default. */
  private static final String DEFAULT_PARTITION_KEY = "0";

  @Parameters(paramLabel = "FILE", description = "Records file, or - for standard input.")
  String source;

  @Override
  public Integer call() throws Exception {
    List<OutgoingRecord> records = new ArrayList<>();
    int blank = 0;
    for (InputLines.Line line : InputLines.read(source, spec)) {
      if (line.isBlank()) {
        blank++;
      } else {
        // Bytes go on unchanged, so a line that does not decode is quarantined by the consumer.
        records.add(new OutgoingRecord(partitionKey(line.bytes()), line.bytes()));
      }
    }
    try (AgentRuntime runtime = openRuntime()) {
      List<String> sequenceNumbers = runtime.stream().publisher().publish(records);
      // The local stream has one shard, so its first and last numbers span the records; on
      // Kinesis they may come from different shards.
      boolean oneShard = runtime.stream() instanceof LocalEventStream;
      out().printf("Published %d records to stream %s%s%n", sequenceNumbers.size(),
          runtime.stream().name(), sequenceNumbers.isEmpty() || !oneShard ? ""
              : " (sequence numbers " + sequenceNumbers.get(0) + " to "
                  + sequenceNumbers.get(sequenceNumbers.size() - 1) + ")");
      if (blank > 0) {
        out().printf("Blank lines left out: %d%n", blank);
      }
      out().flush();
    }
    return 0;
  }

  // Records of one submission share a partition key, so they stay in order on one shard.
  private static String partitionKey(byte[] line) {
    try {
      StreamRecord record = RecordCodec.decode(line);
      Long id = record.event().submissionId() != null ? record.event().submissionId()
          : record.after().submissionId();
      return id == null ? DEFAULT_PARTITION_KEY : id.toString();
    } catch (RecordDecodeException e) {
      return DEFAULT_PARTITION_KEY;
    }
  }
}
