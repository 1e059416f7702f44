package org.arxiv.submission.agent.stream.kinesis;

import java.io.InterruptedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;

/** Sorts failed Kinesis calls into the ones worth retrying and the ones to raise. */
final class KinesisErrors {

  /** The kind of a failure, which decides whether and how a call is retried. */
  enum Kind {
    /** Over a Kinesis or KMS rate limit: retry after a backoff. */
    THROTTLED,
    /** No usable response (I/O error, timeout, unreadable body): retry after a backoff. */
    NETWORK,
    /** A 5xx from Kinesis: retry after a backoff. */
    SERVER,
    /** Keys rejected, possibly in the middle of a rotation: retry after a backoff. */
    CREDENTIALS,
    /** The shard iterator is older than five minutes: get a new one. */
    EXPIRED_ITERATOR,
    /** The calling thread was interrupted: stop. */
    INTERRUPTED,
    /** Anything else, such as a missing stream or an invalid request: raise. */
    FATAL
  }

  // Error codes of rejected or expired keys. With rotated keys the next attempt may succeed.
  private static final Set<String> CREDENTIAL_CODES = Set.of("ExpiredToken",
      "ExpiredTokenException", "UnrecognizedClientException", "InvalidSignatureException");

  private KinesisErrors() {}

  static Kind classify(Throwable error) {
    if (isInterrupt(error)) {
      return Kind.INTERRUPTED;
    }
    if (error instanceof ExpiredIteratorException) {
      return Kind.EXPIRED_ITERATOR;
    }
    if (error instanceof ProvisionedThroughputExceededException
        || error instanceof LimitExceededException
        || error instanceof KmsThrottlingException) {
      return Kind.THROTTLED;
    }
    if (error instanceof AwsServiceException service) {
      return classifyService(service);
    }
    // Timeouts, I/O errors, unreadable responses and credentials that cannot be loaded.
    if (error instanceof SdkClientException) {
      return Kind.NETWORK;
    }
    return Kind.FATAL;
  }

  /** Returns true for failures that a retry after a backoff may cure. */
  static boolean isTransient(Kind kind) {
    return kind == Kind.THROTTLED || kind == Kind.NETWORK || kind == Kind.SERVER
        || kind == Kind.CREDENTIALS;
  }

  private static Kind classifyService(AwsServiceException error) {
    if (error.isThrottlingException()) {
      return Kind.THROTTLED;
    }
    if (error.statusCode() >= 500) {
      return Kind.SERVER;
    }
    String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
    if (code != null && CREDENTIAL_CODES.contains(code)) {
      return Kind.CREDENTIALS;
    }
    return Kind.FATAL;
  }

  private static boolean isInterrupt(Throwable error) {
    if (Thread.currentThread().isInterrupted() || error instanceof AbortedException) {
      return true;
    }
    // SocketTimeoutException extends InterruptedIOException, so only the exact class counts.
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException
          || cause.getClass() == InterruptedIOException.class) {
        return true;
      }
    }
    return false;
  }
}
