package org.arxiv.submission.agent.cli;

import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.rules.RuleRegistry;
import org.arxiv.submission.agent.rules.RuleSummary;
import org.arxiv.submission.agent.wire.PythonJson;
import picocli.CommandLine.Command;

/** Lists the registered rules with their parameters as configured. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "List the rules: event type, condition, process and parameters.")
final class RulesCommand extends AgentCommand {

  @Override
  public Integer call() {
    RuleRegistry rules = RuleRegistry.standard(PolicyConfig.from(settings().lookup()));
    for (RuleSummary rule : rules.summaries()) {
      out().printf("%2d  %-28s %-12s -> %-36s %s%n", rule.number(), rule.eventType(),
          rule.condition(), rule.processName(), PythonJson.write(rule.params()));
    }
    out().flush();
    return 0;
  }
}
