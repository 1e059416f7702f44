package org.arxiv.submission.agent.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes synthetic records for load tests: copies of a records file in which every copy has
 * its own submission ids and dates, so that event ids differ between copies.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write COPIES copies of a records file with new submission ids and dates, "
        + "for load tests.")
final class GenerateCommand extends AgentCommand {

  private static final Pattern SUBMISSION_ID = Pattern.compile("\"submission_id\": (\\d+)(?=[,}])");
  private static final Pattern DATE = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})T");

  @Parameters(index = "0", paramLabel = "FILE", description = "Records file to copy.")
  String source;

  @Option(names = "--copies", paramLabel = "COPIES", defaultValue = "100",
      description = "How many copies to write (default: ${DEFAULT-VALUE}).")
  int copies;

  @Override
  public Integer call() throws Exception {
    if (copies < 1) {
      throw new IllegalArgumentException("invalid --copies " + copies + ": expected at least 1");
    }
    List<String> lines = InputLines.readText(source, spec);
    long maxId = lines.stream().mapToLong(GenerateCommand::maxSubmissionId).max().orElse(0);
    PrintWriter out = out();
    for (int copy = 0; copy < copies; copy++) {
      long offset = copy * maxId;
      int days = copy;
      for (String line : lines) {
        out.println(shiftDates(renumber(line, offset), days));
      }
    }
    out.flush();
    return 0;
  }

  private static long maxSubmissionId(String line) {
    long max = 0;
    Matcher matcher = SUBMISSION_ID.matcher(line);
    while (matcher.find()) {
      max = Math.max(max, Long.parseLong(matcher.group(1)));
    }
    return max;
  }

  // Every id moves by the same offset, ids inside flag data too, so copies never share an id.
  private static String renumber(String line, long offset) {
    return SUBMISSION_ID.matcher(line).replaceAll(m ->
        "\"submission_id\": " + (Long.parseLong(m.group(1)) + offset));
  }

  private static String shiftDates(String line, int days) {
    return DATE.matcher(line).replaceAll(m ->
        "\"" + LocalDate.parse(m.group(1)).plusDays(days) + "T");
  }
}
