package org.arxiv.submission.agent.domain.event;

/** Removes the flag added by the event with id {@code flagId}. */
public record RemoveFlag(String flagId) implements EventData {
}
