package org.arxiv.submission.agent.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.arxiv.submission.agent.domain.ContentFlagType;

/** Flags the content of the submission. */
public record AddContentFlag(
    JsonNode flagData,
    String comment,
    ContentFlagType flagType)
    implements EventData {
}
