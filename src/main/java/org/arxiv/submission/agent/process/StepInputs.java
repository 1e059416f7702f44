package org.arxiv.submission.agent.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arxiv.submission.agent.domain.Submission;

/**
 * Readers of the inputs a step needs, which fail the step permanently with a reason when an
 * input is missing. Parameters come from the trigger, which contains the policy values of the
 * time the rule fired.
 */
public final class StepInputs {

  private StepInputs() {}

  /** Returns the submission state after the triggering event. */
  public static Submission after(StepContext context) {
    Submission after = context.trigger().after();
    if (after == null) {
      throw new StepFailed("the trigger has no post-event submission state");
    }
    return after;
  }

  /** Returns the id of the submission the process works on. */
  public static long submissionId(StepContext context) {
    Long id = context.submissionId();
    if (id == null) {
      throw new StepFailed("the trigger has no submission id");
    }
    return id;
  }

  /** Returns a numeric parameter, integer or decimal, as a double. */
  public static double number(StepContext context, String key) {
    JsonNode value = param(context, key);
    if (!value.isNumber()) {
      throw invalidParam(key, value, "a number");
    }
    return value.doubleValue();
  }

  /** Returns an integer parameter, such as a byte limit. */
  public static long integer(StepContext context, String key) {
    JsonNode value = param(context, key);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw invalidParam(key, value, "an integer");
    }
    return value.longValue();
  }

  /** Returns a parameter that is an array of strings. */
  public static List<String> strings(StepContext context, String key) {
    JsonNode value = param(context, key);
    List<String> strings = new ArrayList<>();
    if (!value.isArray()) {
      throw invalidParam(key, value, "an array of strings");
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw invalidParam(key, value, "an array of strings");
      }
      strings.add(item.textValue());
    }
    return strings;
  }

  /** Returns a parameter that is an object of string values, keeping its key order. */
  public static Map<String, String> stringMap(StepContext context, String key) {
    JsonNode value = param(context, key);
    Map<String, String> map = new LinkedHashMap<>();
    if (!value.isObject()) {
      throw invalidParam(key, value, "an object of strings");
    }
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isTextual()) {
        throw invalidParam(key, value, "an object of strings");
      }
      map.put(entry.getKey(), entry.getValue().textValue());
    }
    return map;
  }

  /**
   * Returns the service's client.
   *
   * @throws StepFailed naming the service and its setting, when the agent has no client for it
   */
  public static <T> T service(Optional<T> client, ExternalService service) {
    return client.orElseThrow(() -> new StepFailed("needs "
        + ExternalService.describe(List.of(service)) + ", which this agent has no client for"));
  }

  private static JsonNode param(StepContext context, String key) {
    JsonNode value = context.trigger().params().get(key);
    if (value == null || value.isNull()) {
      throw new StepFailed("the trigger is missing parameter " + key);
    }
    return value;
  }

  private static StepFailed invalidParam(String key, JsonNode value, String expected) {
    return new StepFailed("invalid parameter " + key + " " + value + ": expected " + expected);
  }
}
