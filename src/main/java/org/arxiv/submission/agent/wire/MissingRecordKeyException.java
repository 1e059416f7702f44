package org.arxiv.submission.agent.wire;

/**
 * A JSON object with none of {@code event}, {@code before} and {@code after}, such as the
 * {@code {}} that producers put as a health check. It is not a submission event at all, unlike
 * a record that has some of the keys but cannot be decoded.
 */
public final class MissingRecordKeyException extends RecordDecodeException {

  public MissingRecordKeyException(String key) {
    super("record is missing \"" + key + "\"");
  }
}
