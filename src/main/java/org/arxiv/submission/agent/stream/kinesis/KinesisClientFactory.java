package org.arxiv.submission.agent.stream.kinesis;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFileSupplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds the {@link KinesisClient} from {@link KinesisSettings}: the JDK's URL connection HTTP
 * client with connect and read timeouts, per-attempt and per-call timeouts, the region, an
 * optional endpoint and the credentials.
 *
 * <p>Credentials: static keys when both are set, re-read from the lookup on every request so
 * a rotated key applies without a restart; else the profile named by {@code AWS_PROFILE}, whose
 * files are reloaded when they change; else the SDK's default chain (environment, system
 * properties, profile, container and instance roles), which refreshes temporary keys itself.
 */
public final class KinesisClientFactory {

  /**
   * The SDK's switch for the CBOR wire protocol. It is read when a client is built, and the
   * system property takes precedence over the environment variable {@code CBOR_ENABLED}.
   */
  static final String CBOR_PROPERTY = "aws.cborEnabled";

  private static final Logger log = LoggerFactory.getLogger(KinesisClientFactory.class);

  private KinesisClientFactory() {}

  /** Builds a client from the settings; {@code lookup} supplies rotated static keys. */
  public static KinesisClient create(KinesisSettings settings, Function<String, String> lookup) {
    disableCbor();
    KinesisClientBuilder builder = KinesisClient.builder()
        .httpClient(httpClient(settings))
        .overrideConfiguration(overrides(settings.timeouts()))
        .region(Region.of(settings.region()))
        .credentialsProvider(credentialsProvider(settings, lookup));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    log.info("Kinesis client for stream {}: region {}, endpoint {}, credentials {}",
        settings.streamName(), settings.region(),
        settings.endpoint() == null ? "AWS default" : settings.endpoint(),
        credentialsSource(settings.credentials()));
    return builder.build();
  }

  /**
   * Switches the SDK from CBOR to JSON. kinesalite (the local Kinesis used in development and
   * tests) stores CBOR-encoded record data as a JSON object, so GetRecords fails to unmarshal
   * it, and records written over CBOR stay unreadable. Producers and consumers must therefore
   * agree. JSON works against AWS too, at the cost of base64 inflating the data by a third.
   */
  static void disableCbor() {
    System.setProperty(CBOR_PROPERTY, "false");
  }

  static SdkHttpClient httpClient(KinesisSettings settings) {
    UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder()
        .connectionTimeout(settings.timeouts().connect())
        .socketTimeout(settings.timeouts().read());
    if (settings.verifyTls()) {
      return builder.build();
    }
    log.warn("KINESIS_VERIFY is false: the Kinesis client for stream {} accepts any TLS"
        + " certificate and host name at {}", settings.streamName(), settings.endpoint());
    // The SDK's own switch turns off both the certificate and the host name checks.
    return builder.buildWithDefaults(AttributeMap.builder()
        .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE)
        .build());
  }

  private static ClientOverrideConfiguration overrides(KinesisSettings.Timeouts timeouts) {
    // Standard mode makes up to three attempts within the call timeout. A call that still fails
    // reaches the reader or the publisher, which retry with their own unbounded backoff.
    return ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(timeouts.callAttempt())
        .apiCallTimeout(timeouts.call())
        .retryStrategy(RetryMode.STANDARD)
        .build();
  }

  static AwsCredentialsProvider credentialsProvider(
      KinesisSettings settings, Function<String, String> lookup) {
    KinesisSettings.Credentials credentials = settings.credentials();
    if (credentials.hasStaticKeys()) {
      return new LookupCredentialsProvider(lookup);
    }
    if (credentials.profile() != null) {
      return ProfileCredentialsProvider.builder()
          .profileFile(ProfileFileSupplier.defaultSupplier())
          .profileName(credentials.profile())
          .build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static String credentialsSource(KinesisSettings.Credentials credentials) {
    if (credentials.hasStaticKeys()) {
      // Only the last four characters, as the AWS console shows a key id.
      String id = credentials.accessKeyId();
      return "static keys (access key id ending " + id.substring(Math.max(0, id.length() - 4))
          + ")";
    }
    if (credentials.profile() != null) {
      return "profile " + credentials.profile();
    }
    return "default chain";
  }
}
