package org.arxiv.submission.agent.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One rule as a listing shows it: its 1-based position in the registry, the event type, the
 * condition, the process and the parameters it would pass now.
 */
public record RuleSummary(
    int number, String eventType, String condition, String processName, ObjectNode params) {}
