package org.arxiv.submission.agent.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads the lines of a file, or of standard input for {@code -}, as bytes: a line that is not
 * valid UTF-8 is still a line, which the caller reports or passes on to be quarantined.
 */
final class InputLines {

  /** One line: its number from 1 and its bytes without the line end. */
  record Line(int number, byte[] bytes) {

    /** Returns whether the line contains nothing but ASCII white space. */
    boolean isBlank() {
      for (byte b : bytes) {
        if (!Character.isWhitespace(b)) {
          return false;
        }
      }
      return true;
    }

    /** Returns the line as text, or throws when it is not valid UTF-8. */
    String text() throws CharacterCodingException {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    }
  }

  private InputLines() {}

  /**
   * Returns the lines of {@code source}.
   *
   * @throws CommandLine.ParameterException when the file is missing, a directory or unreadable
   */
  static List<Line> read(String source, CommandSpec spec) throws IOException {
    byte[] content;
    if ("-".equals(source)) {
      content = System.in.readAllBytes();
    } else {
      Path path = Path.of(source);
      String problem = Files.isDirectory(path) ? "is a directory"
          : !Files.exists(path) ? "does not exist"
          : !Files.isReadable(path) ? "is not readable" : null;
      if (problem != null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "input file " + path + " " + problem);
      }
      content = Files.readAllBytes(path);
    }
    return split(content);
  }

  /**
   * Returns the lines of {@code source} as text.
   *
   * @throws CommandLine.ParameterException naming the first line that is not valid UTF-8
   */
  static List<String> readText(String source, CommandSpec spec) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Line line : read(source, spec)) {
      try {
        texts.add(line.text());
      } catch (CharacterCodingException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "line " + line.number() + " of " + source + " is not valid UTF-8");
      }
    }
    return texts;
  }

  static List<Line> split(byte[] content) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (start < content.length) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      int textEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
      lines.add(new Line(lines.size() + 1, Arrays.copyOfRange(content, start, textEnd)));
      start = end + 1;
    }
    return lines;
  }
}
