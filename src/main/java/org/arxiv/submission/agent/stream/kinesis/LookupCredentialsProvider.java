package org.arxiv.submission.agent.stream.kinesis;

import java.util.function.Function;
import org.arxiv.submission.agent.config.SettingValues;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Static AWS keys read from a lookup on every resolve, so a rotated key takes effect on the next
 * call without a restart. {@code AWS_SESSION_TOKEN} is added when set, for temporary keys.
 */
final class LookupCredentialsProvider implements AwsCredentialsProvider {

  private final SettingValues values;

  LookupCredentialsProvider(Function<String, String> lookup) {
    this.values = new SettingValues(lookup);
  }

  @Override
  public AwsCredentials resolveCredentials() {
    String accessKeyId = values.optional("AWS_ACCESS_KEY_ID");
    String secretAccessKey = values.optional("AWS_SECRET_ACCESS_KEY");
    if (accessKeyId == null || secretAccessKey == null) {
      throw SdkClientException.create(
          "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY were set at start-up but are missing now");
    }
    String sessionToken = values.optional("AWS_SESSION_TOKEN");
    if (sessionToken != null) {
      return AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
    }
    return AwsBasicCredentials.create(accessKeyId, secretAccessKey);
  }

  @Override
  public String toString() {
    return "LookupCredentialsProvider";
  }
}
