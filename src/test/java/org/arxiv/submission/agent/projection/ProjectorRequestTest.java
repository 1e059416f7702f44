package org.arxiv.submission.agent.projection;

import static org.arxiv.submission.agent.projection.Fixtures.CREATED;
import static org.arxiv.submission.agent.projection.Fixtures.SYSTEM;
import static org.arxiv.submission.agent.projection.Fixtures.announced;
import static org.arxiv.submission.agent.projection.Fixtures.apply;
import static org.arxiv.submission.agent.projection.Fixtures.assertRejected;
import static org.arxiv.submission.agent.projection.Fixtures.event;
import static org.arxiv.submission.agent.projection.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.domain.Hashing;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.ApplyRequest;
import org.arxiv.submission.agent.domain.event.ApproveRequest;
import org.arxiv.submission.agent.domain.event.CancelRequest;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.RejectRequest;
import org.arxiv.submission.agent.domain.event.RequestCrossList;
import org.arxiv.submission.agent.domain.event.RequestWithdrawal;
import org.junit.jupiter.api.Test;

class ProjectorRequestTest {

  private static final String FIRST_WITHDRAWAL = Hashing.sha1Hex("1:Withdrawal:0");
  private static final String FIRST_CROSS_LIST = Hashing.sha1Hex("1:Cross-list:0");

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Submission moderate(Submission before, EventData decision) throws Exception {
    return apply(before, event(SYSTEM, decision));
  }

  @Test
  void withdrawalStoredUnderComputedId() throws Exception {
    Submission after = apply(announced(), new RequestWithdrawal("Fatal error in section 2"));

    JsonNode request = after.map("user_requests").get(FIRST_WITHDRAWAL);
    assertThat(keys(request)).containsExactly("request_id", "creator", "created", "updated",
        "status", "request_type", "reason_for_withdrawal");
    assertThat(request.get("request_id").textValue()).isEqualTo(FIRST_WITHDRAWAL);
    assertThat(request.get("status").textValue()).isEqualTo("pending");
    assertThat(request.get("request_type").textValue()).isEqualTo("WithdrawalRequest");
    assertThat(request.get("created").textValue()).isEqualTo(CREATED.toString());
    assertThat(request.get("updated").textValue()).isEqualTo(CREATED.toString());
    assertThat(request.get("reason_for_withdrawal").textValue())
        .isEqualTo("Fatal error in section 2");
    assertThat(after.hasActiveRequests()).isTrue();
  }

  @Test
  void withdrawalNeedsAnnouncedSubmission() {
    assertRejected(submitted(), new RequestWithdrawal("Fatal error"))
        .hasMessageContaining("not announced");
  }

  @Test
  void withdrawalReasonLimits() throws Exception {
    assertRejected(announced(), new RequestWithdrawal(""))
        .hasMessageContaining("reason for the withdrawal is missing");
    assertThat(apply(announced(), new RequestWithdrawal("r".repeat(400))).hasActiveRequests())
        .isTrue();
    assertRejected(announced(), new RequestWithdrawal("r".repeat(401)))
        .hasMessageContaining("reason is 401 characters long; the maximum is 400");
  }

  @Test
  void requestsRejectedWithActiveRequest() throws Exception {
    Submission pending = apply(announced(), new RequestWithdrawal("Fatal error"));
    Submission approved = moderate(pending, new ApproveRequest(FIRST_WITHDRAWAL));

    assertRejected(pending, new RequestWithdrawal("Another reason"))
        .hasMessageContaining("pending or approved user request");
    assertRejected(approved, new RequestCrossList(List.of("cs.AI")))
        .hasMessageContaining("pending or approved user request");
  }

  @Test
  void requestIdsCountSameType() throws Exception {
    Submission first = apply(announced(), new RequestWithdrawal("Fatal error"));
    Submission cancelled = moderate(first, new CancelRequest(FIRST_WITHDRAWAL));

    Submission second = apply(cancelled, new RequestWithdrawal("Still wrong"));
    Submission crossList = apply(cancelled, new RequestCrossList(List.of("cs.AI")));

    assertThat(second.map("user_requests").has(Hashing.sha1Hex("1:Withdrawal:1"))).isTrue();
    assertThat(crossList.map("user_requests").has(FIRST_CROSS_LIST)).isTrue();
  }

  @Test
  void crossListStoresClassifications() throws Exception {
    Submission after = apply(announced(), new RequestCrossList(List.of("cs.AI", "astro-ph.CO")));

    JsonNode request = after.map("user_requests").get(FIRST_CROSS_LIST);
    assertThat(keys(request)).containsExactly("request_id", "creator", "created", "updated",
        "status", "request_type", "classifications");
    assertThat(request.get("request_type").textValue())
        .isEqualTo("CrossListClassificationRequest");
    assertThat(request.get("classifications").findValuesAsText("category"))
        .containsExactly("cs.AI", "astro-ph.CO");
    assertThat(request.get("updated").textValue()).isEqualTo(CREATED.toString());
    assertThat(after.secondaryCategories()).doesNotContain("cs.AI");
  }

  @Test
  void crossListChecksEachCategory() {
    assertRejected(announced(), new RequestCrossList(List.of("cs.AI", "astro-ph")))
        .hasMessageContaining("\"astro-ph\" is not an active category");
    assertRejected(announced(), new RequestCrossList(List.of("astro-ph.GA")))
        .hasMessageContaining("already the primary category");
    assertRejected(announced(), new RequestCrossList(List.of("physics.ins-det")))
        .hasMessageContaining("already a secondary category");
  }

  @Test
  void crossListNeedsAnnouncedSubmission() {
    assertRejected(submitted(), new RequestCrossList(List.of("cs.AI")))
        .hasMessageContaining("not announced");
  }

  @Test
  void decisionsSetRequestStatus() throws Exception {
    Submission pending = apply(announced(), new RequestWithdrawal("Fatal error"));

    assertThat(status(moderate(pending, new ApproveRequest(FIRST_WITHDRAWAL))))
        .isEqualTo("approved");
    assertThat(status(moderate(pending, new RejectRequest(FIRST_WITHDRAWAL))))
        .isEqualTo("rejected");
    assertThat(status(moderate(pending, new CancelRequest(FIRST_WITHDRAWAL))))
        .isEqualTo("cancelled");
  }

  private static String status(Submission state) {
    return state.map("user_requests").get(FIRST_WITHDRAWAL).get("status").textValue();
  }

  @Test
  void decisionsNeedKnownRequest() {
    for (EventData decision : List.of(new ApproveRequest("x"), new RejectRequest("x"),
        new CancelRequest("x"), new ApplyRequest(null))) {
      assertRejected(announced(), event(SYSTEM, decision))
          .as(decision.eventType()).hasMessageContaining("submission has no user request");
    }
  }

  @Test
  void appliedWithdrawalWithdrawsSubmission() throws Exception {
    Submission approved = moderate(apply(announced(), new RequestWithdrawal("Fatal error")),
        new ApproveRequest(FIRST_WITHDRAWAL));

    Submission after = moderate(approved, new ApplyRequest(FIRST_WITHDRAWAL));

    assertThat(after.status()).isEqualTo("withdrawn");
    assertThat(after.get("reason_for_withdrawal").textValue()).isEqualTo("Fatal error");
    assertThat(status(after)).isEqualTo("applied");
  }

  @Test
  void appliedCrossListAddsSecondaries() throws Exception {
    Submission requested = apply(announced(), new RequestCrossList(List.of("cs.AI", "hep-th")));

    Submission after = moderate(requested, new ApplyRequest(FIRST_CROSS_LIST));

    assertThat(after.secondaryCategories())
        .containsExactly("physics.ins-det", "cs.AI", "hep-th");
    assertThat(after.map("user_requests").get(FIRST_CROSS_LIST).get("status").textValue())
        .isEqualTo("applied");
    assertThat(after.status()).isEqualTo(Submission.ANNOUNCED);
  }
}
