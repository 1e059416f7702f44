package org.arxiv.submission.agent.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a JSON tree exactly as Python's {@code json.dumps} does with its default settings.
 *
 * <p>The original producer's records are compared byte for byte, and no Java JSON library
 * writes this dialect: items are separated by {@code ", "} and keys by {@code ": "}, every
 * non-ASCII character is escaped as {@code \\uXXXX} with lower-case hex digits, and floats use
 * Python's shortest round-trip {@code repr}.
 */
public final class PythonJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  /** Returns the Python {@code json.dumps} text of the tree. */
  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder(16 * 1024);
    write(node, out);
    return out.toString();
  }

  /** Appends the text of the tree to {@code out}. */
  public static void append(JsonNode node, StringBuilder out) {
    write(node, out);
  }

  /**
   * Appends the text of an object with one more string field at its end, as if the field had
   * been added to it, without copying the object.
   */
  public static void appendWithField(JsonNode object, String key, String value,
      StringBuilder out) {
    writeObject(object, out);
    out.setLength(out.length() - 1);
    if (object.size() > 0) {
      out.append(", ");
    }
    writeString(key, out);
    out.append(": ");
    writeString(value, out);
    out.append('}');
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out);
      case ARRAY -> writeArray(node, out);
      case STRING -> writeString(node.textValue(), out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> out.append("null");
      case NUMBER -> writeNumber(node, out);
      default -> throw new IllegalArgumentException("cannot write JSON node " + node.getNodeType());
    }
  }

  private static void writeObject(JsonNode node, StringBuilder out) {
    out.append('{');
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    boolean first = true;
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!first) {
        out.append(", ");
      }
      first = false;
      writeString(field.getKey(), out);
      out.append(": ");
      write(field.getValue(), out);
    }
    out.append('}');
  }

  private static void writeArray(JsonNode node, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < node.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(node.get(i), out);
    }
    out.append(']');
  }

  private static void writeNumber(JsonNode node, StringBuilder out) {
    if (node.isFloatingPointNumber()) {
      out.append(formatFloat(node.doubleValue()));
    } else {
      out.append(node.bigIntegerValue().toString());
    }
  }

  /** Writes a string with Python's escapes: short forms for the usual controls, ASCII output. */
  static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e && c != 0x7f) {
            // Astral characters arrive here as two UTF-16 surrogates, which Python also
            // escapes one by one.
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Formats a double as Python's {@code repr(float)}: the shortest digits that read back to the
   * same value, in plain notation for 1e-4 <= |x| < 1e16 and in exponent notation otherwise.
   */
  public static String formatFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestDecimal(value);
    // The decimal exponent of the leading digit, as Python's float_repr_style computes it.
    int exponent = shortest.precision() - shortest.scale() - 1;
    String digits = shortest.unscaledValue().abs().toString();
    String sign = value < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String expSign = exponent < 0 ? "-" : "+";
      int absExp = Math.abs(exponent);
      return sign + mantissa + "e" + expSign + (absExp < 10 ? "0" : "") + absExp;
    }
    String plain = shortest.abs().toPlainString();
    if (plain.indexOf('.') < 0) {
      plain = plain + ".0";
    }
    return sign + plain;
  }

  // Java 17's Double.toString is not always the shortest representation, so search the
  // precisions upwards; 17 significant digits always read back exactly.
  private static BigDecimal shortestDecimal(double value) {
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = new BigDecimal(String.format(Locale.ROOT, "%." + (precision - 1) + "e", value));
      if (candidate.doubleValue() == value) {
        return candidate.stripTrailingZeros();
      }
    }
    return new BigDecimal(value).stripTrailingZeros();
  }
}
