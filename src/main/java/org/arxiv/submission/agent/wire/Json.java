package org.arxiv.submission.agent.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.EventTypeRef;

/**
 * The Jackson mapper for the wire format: snake_case keys in record component order, datetimes
 * as Python isoformat text, agents with the keys of their kind and type references as
 * {@code "__type__": "type"} objects.
 */
public final class Json {

  private static final ObjectMapper MAPPER = createMapper();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper createMapper() {
    SimpleModule wire = new SimpleModule("submission-wire-format");
    wire.addSerializer(Timestamp.class, new ToStringSerializer<>());
    wire.addDeserializer(Timestamp.class, new JsonDeserializer<>() {
      @Override
      public Timestamp deserialize(JsonParser parser, DeserializationContext context)
          throws IOException {
        return Timestamp.parse(parser.getValueAsString());
      }
    });
    wire.addSerializer(Agent.class, new JsonSerializer<>() {
      @Override
      public void serialize(Agent agent, JsonGenerator generator, SerializerProvider provider)
          throws IOException {
        generator.writeTree(agent.toJson());
      }
    });
    wire.addDeserializer(Agent.class, new JsonDeserializer<>() {
      @Override
      public Agent deserialize(JsonParser parser, DeserializationContext context)
          throws IOException {
        return Agent.fromJson(parser.readValueAsTree());
      }
    });
    wire.addSerializer(EventTypeRef.class, new JsonSerializer<>() {
      @Override
      public void serialize(EventTypeRef ref, JsonGenerator generator, SerializerProvider provider)
          throws IOException {
        generator.writeTree(ref.toJson());
      }
    });
    wire.addDeserializer(EventTypeRef.class, new JsonDeserializer<>() {
      @Override
      public EventTypeRef deserialize(JsonParser parser, DeserializationContext context)
          throws IOException {
        JsonNode tree = parser.readValueAsTree();
        return EventTypeRef.fromJson(tree);
      }
    });
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .addModule(wire)
        .build();
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(value.toString());
    }
  }
}
