package org.arxiv.submission.agent.process.services;

import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Submission;

/** Sends the e-mail that confirms a submission was received. */
public interface ConfirmationMailer {

  /** Composes the confirmation for the submission and sends it to the recipient's address. */
  void sendConfirmation(Submission submission, Agent recipient) throws Exception;
}
