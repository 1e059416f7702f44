package org.arxiv.submission.agent.process.size;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.arxiv.submission.agent.domain.HoldType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Submission.HoldEntry;
import org.arxiv.submission.agent.domain.event.AddHold;
import org.arxiv.submission.agent.domain.event.RemoveHold;
import org.arxiv.submission.agent.process.StepContext;

/**
 * The hold decision that both size checks share. An oversize submission gets one hold of the
 * type, unless it already has one (whatever its reason) or a moderator waived the type. A
 * submission within the limit loses every hold of the type.
 */
final class OversizeHolds {

  private OversizeHolds() {}

  static void apply(StepContext context, Submission after, HoldType type, boolean oversize,
      String addReason, String removeReason) {
    List<HoldEntry> holds = holdsOf(after, type);
    if (!oversize) {
      holds.forEach(h -> context.emit(new RemoveHold(h.eventId(), type, removeReason)));
      return;
    }
    // A waiver is a moderator's decision that this kind of hold does not apply, so a new hold
    // would undo it; the original ignored waivers.
    if (holds.isEmpty() && !isWaived(after, type)) {
      context.emit(new AddHold(type, addReason));
    }
  }

  private static List<HoldEntry> holdsOf(Submission after, HoldType type) {
    return after.holds().stream().filter(h -> type.wireValue().equals(h.holdType())).toList();
  }

  private static boolean isWaived(Submission after, HoldType type) {
    JsonNode waivers = after.get("waivers");
    if (waivers == null || !waivers.isObject()) {
      return false;
    }
    for (JsonNode waiver : waivers) {
      if (type.wireValue().equals(waiver.path("waiver_type").asText())) {
        return true;
      }
    }
    return false;
  }
}
