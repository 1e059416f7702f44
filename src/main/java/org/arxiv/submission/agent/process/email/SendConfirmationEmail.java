package org.arxiv.submission.agent.process.email;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.process.ExternalService;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.services.ConfirmationMailer;

/**
 * SendConfirmationEmail: tell the person who finalized the submission that it was received.
 */
public final class SendConfirmationEmail {

  public static final String NAME = "SendConfirmationEmail";

  private SendConfirmationEmail() {}

  /** Returns the process definition with its one step, retried with a growing wait. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(new Step("send", RetryPolicies.unlimited(2, 4),
        SendConfirmationEmail::send)))
        .withServices(ExternalService.MAIL);
  }

  static JsonNode send(StepContext context) throws Exception {
    Submission after = StepInputs.after(context);
    if (after.submissionId() == null) {
      throw new StepFailed("the submission has no id to confirm");
    }
    Agent recipient = context.trigger().actor();
    // Retrying cannot produce an address, and the original retried such mails forever.
    if (recipient.email() == null || recipient.email().isBlank()) {
      throw new StepFailed("the creator of the event has no e-mail address");
    }
    ConfirmationMailer mailer = StepInputs.service(context.services().mailer(),
        ExternalService.MAIL);

    mailer.sendConfirmation(after, recipient);
    return null;
  }
}
