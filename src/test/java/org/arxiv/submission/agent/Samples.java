package org.arxiv.submission.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sample records made by running the original system, from the test resources. */
public final class Samples {

  private Samples() {}

  /** Returns the lines of {@code samples/sample-records.jsonl}; line n is at index n - 1. */
  public static List<String> recordLines() {
    return lines("samples/sample-records.jsonl");
  }

  /** Returns the original agent's decisions, one JSON document per sample line. */
  public static List<String> expectedLines() {
    return lines("samples/sample-expected.jsonl");
  }

  public static String resource(String name) {
    try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource not found: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> lines(String name) {
    return resource(name).lines().toList();
  }
}
