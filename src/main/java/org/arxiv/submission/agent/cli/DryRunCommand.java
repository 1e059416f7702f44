package org.arxiv.submission.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.arxiv.submission.agent.config.Settings;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.process.ExternalService;
import org.arxiv.submission.agent.process.ProcessCatalog;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.Trigger;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.rules.RuleRegistry;
import org.arxiv.submission.agent.rules.TriggeredProcess;
import org.arxiv.submission.agent.runner.StepOutcome;
import org.arxiv.submission.agent.runner.StepRunner;
import org.arxiv.submission.agent.services.InMemoryProcessServices;
import org.arxiv.submission.agent.wire.PythonJson;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Evaluates records without writing anything: decodes each line, evaluates the rules and runs
 * the processes that need no network service synchronously, with retries skipped. Prints one
 * JSON object per input line.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
    description = "Evaluate records (one JSON document a line) without writing anything; "
        + "print one JSON result per line.")
final class DryRunCommand extends AgentCommand {

  @Parameters(paramLabel = "FILE", description = "Records file, or - for standard input.")
  String source;

  private final JsonNodeFactory json = JsonNodeFactory.instance;

  @Override
  public Integer call() throws Exception {
    Settings settings = settings();
    RuleRegistry rules = RuleRegistry.standard(PolicyConfig.from(settings.lookup()));
    ProcessCatalog catalog = ProcessCatalog.standard();
    InMemoryProcessServices services = new InMemoryProcessServices();
    StepRunner runner = new StepRunner(services, Clock.systemUTC(), new SecureRandom());
    for (InputLines.Line line : InputLines.read(source, spec)) {
      out().println(PythonJson.write(evaluate(line, rules, catalog, services, runner)));
    }
    out().flush();
    return 0;
  }

  private ObjectNode evaluate(InputLines.Line line, RuleRegistry rules,
      ProcessCatalog catalog, InMemoryProcessServices services, StepRunner runner) {
    ObjectNode result = json.objectNode();
    result.put("line", line.number());
    if (line.isBlank()) {
      result.put("status", "skipped");
      result.put("reason", "blank line");
      return result;
    }
    StreamRecord record;
    try {
      record = RecordCodec.decode(line.bytes());
    } catch (RecordDecodeException e) {
      result.put("status", "skipped");
      result.put("reason", e.getMessage());
      return result;
    }
    Event event = record.event();
    services.remember(record.after());
    result.put("status", "processed");
    result.put("event_type", event.eventType());
    result.put("event_id", event.created() == null ? null : event.eventId());
    result.set("submission_id", event.submissionId() == null ? json.nullNode()
        : json.numberNode(event.submissionId()));
    ArrayNode processes = result.putArray("processes");
    for (TriggeredProcess triggered : rules.evaluate(event, record.before(), record.after())) {
      Trigger trigger = new Trigger(event, record.before(), record.after(), triggered.params());
      processes.add(runProcess(triggered, trigger, catalog.find(triggered.processName()),
          runner));
    }
    return result;
  }

  private ObjectNode runProcess(TriggeredProcess triggered, Trigger trigger,
      Optional<ProcessDefinition> process, StepRunner runner) {
    ObjectNode entry = json.objectNode();
    entry.put("process", triggered.processName());
    entry.set("params", triggered.params());
    ArrayNode emitted = json.arrayNode();
    if (process.isEmpty()) {
      return finish(entry, "not_run", "no process named " + triggered.processName(), emitted);
    }
    ProcessDefinition definition = process.get();
    if (!definition.services().isEmpty()) {
      return finish(entry, "not_run", "needs " + ExternalService.describe(definition.services())
          + ", which a dry run does not call", emitted);
    }
    JsonNode previous = null;
    for (int step = 0; step < definition.steps().size(); step++) {
      StepOutcome outcome = runner.run(definition, step, "dry-run", trigger, previous, 0);
      if (outcome instanceof StepOutcome.Succeeded succeeded) {
        succeeded.emitted().forEach(e -> emitted.add(RecordCodec.encodeEvent(e)));
        previous = succeeded.result();
      } else if (outcome instanceof StepOutcome.Retry retry) {
        return finish(entry, "failed", "step " + definition.step(step).name()
            + " would be retried (retries are skipped in a dry run): " + retry.error(), emitted);
      } else {
        return finish(entry, "failed", ((StepOutcome.Failed) outcome).reason(), emitted);
      }
    }
    return finish(entry, "succeeded", null, emitted);
  }

  private ObjectNode finish(ObjectNode entry, String outcome, String reason, ArrayNode emitted) {
    entry.put("outcome", outcome);
    entry.put("reason", reason);
    entry.set("emitted", emitted);
    return entry;
  }
}
