package org.arxiv.submission.agent.domain.event;

/** Announces the submission under an arXiv id. */
public record Announce(String arxivId) implements EventData {
}
