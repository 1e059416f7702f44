package org.arxiv.submission.agent.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.arxiv.submission.agent.domain.UserFlagType;

/** Flags the submitter. */
public record AddUserFlag(
    JsonNode flagData,
    String comment,
    UserFlagType flagType)
    implements EventData {
}
