/**
 * The external services that processes call, as interfaces that HTTP and SMTP clients implement.
 *
 * <p>Every method may throw {@link org.arxiv.submission.agent.process.StepFailed} for an error
 * that retrying cannot fix, such as a rejected request or a failed compilation. Any other
 * exception, such as a refused connection, a timeout or a 5xx response, makes the runner retry
 * the step under its retry policy.
 */
package org.arxiv.submission.agent.process.services;
