package org.arxiv.submission.agent.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Hashing;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.ApplyRequest;
import org.arxiv.submission.agent.domain.event.ApproveRequest;
import org.arxiv.submission.agent.domain.event.CancelRequest;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.RejectRequest;
import org.arxiv.submission.agent.domain.event.RequestCrossList;
import org.arxiv.submission.agent.domain.event.RequestWithdrawal;

/**
 * Events about user requests on an announced submission: withdrawal and cross-list requests,
 * and the moderators' decisions on them.
 */
final class RequestProjection {

  static final int WITHDRAWAL_REASON_MAX_LENGTH = 400;

  static final String WITHDRAWAL = "WithdrawalRequest";
  static final String CROSS_LIST = "CrossListClassificationRequest";

  /** The status of a submission after an applied withdrawal request. */
  static final String WITHDRAWN = "withdrawn";

  private RequestProjection() {}

  static void register(EventHandlers table) {
    table.on(RequestCrossList.class,
        RequestProjection::validateCrossList, RequestProjection::requestCrossList);
    table.on(RequestWithdrawal.class,
        RequestProjection::validateWithdrawal, RequestProjection::requestWithdrawal);
    table.on(ApproveRequest.class,
        (data, event, state) -> requireRequest(data, data.requestId(), state),
        (data, event, after, clock) -> setStatus(after, data.requestId(), "approved"));
    table.on(RejectRequest.class,
        (data, event, state) -> requireRequest(data, data.requestId(), state),
        (data, event, after, clock) -> setStatus(after, data.requestId(), "rejected"));
    table.on(CancelRequest.class,
        (data, event, state) -> requireRequest(data, data.requestId(), state),
        (data, event, after, clock) -> setStatus(after, data.requestId(), "cancelled"));
    table.on(ApplyRequest.class,
        (data, event, state) -> requireRequest(data, data.requestId(), state),
        RequestProjection::applyRequest);
  }

  private static void validateCrossList(RequestCrossList data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNoActiveRequests(data, state);
    requireAnnounced(data, state);
    for (String category : data.categories()) {
      Validators.requireActiveCategory(data, category);
      Validators.requireNotPrimary(data, category, state);
      Validators.requireNotSecondary(data, category, state);
    }
  }

  // NOTE: the original stamps the updated time of a new cross-list request with the wall clock.
  // Here it is the event's created time, as for withdrawal requests, so replays give the same
  // state.
  private static void requestCrossList(
      RequestCrossList data, Event event, Submission after, Clock clock) {
    String requestId = nextRequestId(after, CROSS_LIST, "Cross-list");
    StateObjects.CrossListClassificationRequest request =
        new StateObjects.CrossListClassificationRequest(requestId, event.creator(),
            event.created(), event.created(), StateObjects.PENDING, CROSS_LIST,
            data.categories().stream().map(StateObjects.Classification::new).toList());
    after.map("user_requests").set(requestId, StateObjects.tree(request));
  }

  private static void validateWithdrawal(RequestWithdrawal data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNoActiveRequests(data, state);
    String reason = data.reason();
    if (reason.isEmpty()) {
      throw new InvalidEvent(data, "reason for the withdrawal is missing");
    }
    int length = reason.codePointCount(0, reason.length());
    if (length > WITHDRAWAL_REASON_MAX_LENGTH) {
      throw new InvalidEvent(data, "reason is " + length + " characters long; the maximum is "
          + WITHDRAWAL_REASON_MAX_LENGTH);
    }
    requireAnnounced(data, state);
  }

  private static void requestWithdrawal(
      RequestWithdrawal data, Event event, Submission after, Clock clock) {
    String requestId = nextRequestId(after, WITHDRAWAL, "Withdrawal");
    StateObjects.WithdrawalRequest request = new StateObjects.WithdrawalRequest(requestId,
        event.creator(), event.created(), event.created(), StateObjects.PENDING, WITHDRAWAL,
        data.reason());
    after.map("user_requests").set(requestId, StateObjects.tree(request));
  }

  private static void requireAnnounced(EventData data, Submission state) throws InvalidEvent {
    if (!state.isAnnounced()) {
      throw new InvalidEvent(data,
          "submission is not announced (status \"" + state.status() + "\")");
    }
  }

  /**
   * Returns the id of a new request: the hex SHA-1 of {@code "<submission_id>:<name>:<n>"},
   * where n counts the submission's requests of the same type. A missing submission id is
   * written as Python writes None.
   */
  static String nextRequestId(Submission state, String requestType, String name) {
    long sameType = 0;
    for (JsonNode request : state.map("user_requests")) {
      if (requestType.equals(StateObjects.textOrNull(request, "request_type"))) {
        sameType++;
      }
    }
    Long submissionId = state.submissionId();
    String id = submissionId == null ? "None" : submissionId.toString();
    return Hashing.sha1Hex(id + ":" + name + ":" + sameType);
  }

  private static void requireRequest(EventData data, String requestId, Submission state)
      throws InvalidEvent {
    JsonNode requests = state.get("user_requests");
    if (requestId == null || requests == null || !requests.has(requestId)) {
      throw new InvalidEvent(data, "submission has no user request " + requestId);
    }
  }

  private static void setStatus(Submission after, String requestId, String status) {
    ((ObjectNode) after.map("user_requests").get(requestId)).put("status", status);
  }

  /** Makes the requested change, then marks the request applied. */
  private static void applyRequest(
      ApplyRequest data, Event event, Submission after, Clock clock) {
    JsonNode request = after.map("user_requests").get(data.requestId());
    String type = StateObjects.textOrNull(request, "request_type");
    if (WITHDRAWAL.equals(type)) {
      after.put("reason_for_withdrawal",
          StateObjects.textOrNull(request, "reason_for_withdrawal"));
      after.put("status", WITHDRAWN);
    } else if (CROSS_LIST.equals(type)) {
      for (JsonNode classification : request.path("classifications")) {
        after.list("secondary_classification").add(classification.deepCopy());
      }
    }
    setStatus(after, data.requestId(), "applied");
  }
}
