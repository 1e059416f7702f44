package org.arxiv.submission.agent.process;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A network service that some processes call, with the setting that names it. This version of
 * the agent includes no client for any of them and reads none of these settings, so {@code run}
 * fails the steps that call one and {@code dry-run} skips the processes that need one. Both give
 * a reason built by {@link #describe(Collection)}.
 */
public enum ExternalService {
  PLAIN_TEXT("plain-text extraction service", "PLAINTEXT_ENDPOINT"),
  CLASSIFIER("classifier service", "CLASSIFIER_ENDPOINT"),
  COMPILER("compiler service", "COMPILER_ENDPOINT"),
  FILE_MANAGER("file manager service", "FILEMANAGER_ENDPOINT"),
  PREVIEW("preview service", "PREVIEW_ENDPOINT"),
  LEGACY_FILESYSTEM("legacy filesystem service", "FILESYSTEM_ENDPOINT"),
  MAIL("SMTP server", "SMTP_HOSTNAME");

  private final String title;
  private final String setting;

  ExternalService(String title, String setting) {
    this.title = title;
    this.setting = setting;
  }

  /** Returns the service's name in messages, such as "file manager service". */
  public String title() {
    return title;
  }

  /** Returns the setting that names the service, such as {@code FILEMANAGER_ENDPOINT}. */
  public String setting() {
    return setting;
  }

  /**
   * Returns the services with their settings, in declaration order, such as "the file manager
   * service (FILEMANAGER_ENDPOINT) and the legacy filesystem service (FILESYSTEM_ENDPOINT)".
   */
  public static String describe(Collection<ExternalService> services) {
    String joined = services.stream().sorted()
        .map(s -> "the " + s.title + " (" + s.setting + ")")
        .collect(Collectors.joining(", "));
    int last = joined.lastIndexOf(", ");
    return last < 0 ? joined : joined.substring(0, last) + " and " + joined.substring(last + 2);
  }
}
