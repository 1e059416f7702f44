package org.arxiv.submission.agent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the lines of a file, or of standard input for {@code -}. */
final class InputLines {

  private InputLines() {}

  static List<String> read(String source) throws IOException {
    if ("-".equals(source)) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return reader.lines().toList();
    }
    Path path = Path.of(source);
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("cannot read input file " + path);
    }
    return Files.readAllLines(path, StandardCharsets.UTF_8);
  }
}
