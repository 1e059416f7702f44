package org.arxiv.submission.agent.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.arxiv.submission.agent.domain.MetadataFlagType;

/** Flags a metadata field of the submission. */
public record AddMetadataFlag(
    JsonNode flagData,
    String comment,
    MetadataFlagType flagType,
    String field)
    implements EventData {
}
