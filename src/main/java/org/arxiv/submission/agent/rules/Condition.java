package org.arxiv.submission.agent.rules;

import java.util.Objects;
import org.arxiv.submission.agent.domain.Agent.AgentType;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.FeatureType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddFeature;

/**
 * A test on an event and the submission states around it that decides whether a rule fires.
 *
 * @param description short text for rule listings, such as {@code is_user}
 * @param test the test itself
 */
public record Condition(String description, Test test) {

  /** The test of a condition. */
  @FunctionalInterface
  public interface Test {
    boolean matches(Event event, Submission before, Submission after);
  }

  public Condition {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(test, "test");
  }

  /** Returns whether the rule fires for this event. */
  public boolean matches(Event event, Submission before, Submission after) {
    return test.matches(event, before, after);
  }

  /** Returns a condition that is true when the creator is a User, and false for a Client. */
  public static Condition isUser() {
    return new Condition("is_user",
        (event, before, after) -> event.creator().agentType() == AgentType.USER);
  }

  /** Returns a condition that is true when the creator is a System agent. */
  public static Condition isSystem() {
    return new Condition("is_system",
        (event, before, after) -> event.creator().agentType() == AgentType.SYSTEM);
  }

  /** Returns a condition that is always true. */
  public static Condition always() {
    return new Condition("always", (event, before, after) -> true);
  }

  /**
   * Returns a condition that is true for an AddFeature event of the given type. The types are
   * compared by wire value because a decoded event carries the type as text.
   */
  public static Condition feature(FeatureType type) {
    return new Condition("feature_type == " + type.wireValue(),
        (event, before, after) -> event.data() instanceof AddFeature feature
            && type.wireValue().equals(feature.featureType()));
  }
}
