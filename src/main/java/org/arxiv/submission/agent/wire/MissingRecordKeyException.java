package org.arxiv.submission.agent.wire;

/**
 * A JSON object that lacks {@code event}, {@code before} or {@code after}, such as the {@code
 * {}} that producers put as a health check. It is not a submission event at all, unlike a
 * record that has the three keys but cannot be decoded.
 */
public final class MissingRecordKeyException extends RecordDecodeException {

  public MissingRecordKeyException(String key) {
    super("record is missing \"" + key + "\"; skipping it");
  }
}
