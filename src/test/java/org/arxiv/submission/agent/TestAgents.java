package org.arxiv.submission.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.arxiv.submission.agent.domain.Agent;

/** Agents of each kind for tests. */
public final class TestAgents {

  private TestAgents() {}

  public static Agent user() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("native_id", 1234);
    json.put("email", "jane@example.org");
    json.put("agent_type", "User");
    return Agent.fromJson(json);
  }

  public static Agent client() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("native_id", "api-client-7f3a");
    json.put("agent_type", "Client");
    return Agent.fromJson(json);
  }
}
