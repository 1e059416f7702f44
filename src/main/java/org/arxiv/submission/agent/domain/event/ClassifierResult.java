package org.arxiv.submission.agent.domain.event;

/** One category suggested by the classifier, with its probability (not log-odds). */
public record ClassifierResult(String category, double probability) {}
