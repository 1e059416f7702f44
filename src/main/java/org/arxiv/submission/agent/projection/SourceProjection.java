package org.arxiv.submission.agent.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Objects;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.ConfirmPreview;
import org.arxiv.submission.agent.domain.event.ConfirmSourceProcessed;
import org.arxiv.submission.agent.domain.event.SetUploadPackage;
import org.arxiv.submission.agent.domain.event.UnConfirmSourceProcessed;
import org.arxiv.submission.agent.domain.event.UnsetUploadPackage;
import org.arxiv.submission.agent.domain.event.UpdateUploadPackage;

/** Events about the source package, its compiled preview and the submitter's approval of it. */
final class SourceProjection {

  private SourceProjection() {}

  static void register(EventHandlers table) {
    table.on(SetUploadPackage.class,
        SourceProjection::validateSetPackage, SourceProjection::setPackage);
    table.on(UpdateUploadPackage.class,
        SourceProjection::validateUpdatePackage, SourceProjection::updatePackage);
    table.on(UnsetUploadPackage.class, EventHandlers.rejectIfFinalized(),
        (data, event, after, clock) -> {
          after.set("source_content", null);
          after.put("submitter_confirmed_preview", false);
        });
    // The original checks nothing here, not even that a preview is described.
    table.on(ConfirmSourceProcessed.class, EventHandlers.acceptAll(),
        SourceProjection::confirmProcessed);
    table.on(UnConfirmSourceProcessed.class, EventHandlers.acceptAll(),
        (data, event, after, clock) -> {
          after.put("is_source_processed", false);
          after.set("preview", null);
        });
    table.on(ConfirmPreview.class, SourceProjection::validateConfirmPreview,
        (data, event, after, clock) -> after.put("submitter_confirmed_preview", true));
  }

  private static void validateSetPackage(SetUploadPackage data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    if (data.identifier().isEmpty()) {
      throw new InvalidEvent(data, "upload identifier is missing");
    }
  }

  private static void setPackage(
      SetUploadPackage data, Event event, Submission after, Clock clock) {
    after.set("source_content", StateObjects.tree(new StateObjects.SourceContent(
        data.identifier(), data.checksum(), data.uncompressedSize(), data.compressedSize(),
        data.sourceFormat())));
    after.put("submitter_confirmed_preview", false);
  }

  private static void validateUpdatePackage(
      UpdateUploadPackage data, Event event, Submission state) throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    if (state.sourceContent() == null) {
      throw new InvalidEvent(data, "submission has no source package to update");
    }
  }

  /** Overwrites the package's description in place, so the identifier and key order stay. */
  private static void updatePackage(
      UpdateUploadPackage data, Event event, Submission after, Clock clock) {
    ObjectNode content = after.sourceContent();
    content.put("source_format", data.sourceFormat());
    content.put("checksum", data.checksum());
    content.set("uncompressed_size", StateObjects.integer(data.uncompressedSize()));
    content.set("compressed_size", StateObjects.integer(data.compressedSize()));
    after.put("submitter_confirmed_preview", false);
  }

  private static void confirmProcessed(
      ConfirmSourceProcessed data, Event event, Submission after, Clock clock) {
    after.put("is_source_processed", true);
    after.set("preview", StateObjects.tree(new StateObjects.Preview(data.sourceId(),
        data.sourceChecksum(), data.previewChecksum(), data.sizeBytes(), data.added())));
  }

  private static void validateConfirmPreview(ConfirmPreview data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    ObjectNode preview = state.preview();
    if (preview == null) {
      throw new InvalidEvent(data, "submission has no preview to confirm");
    }
    String current = StateObjects.textOrNull(preview, "preview_checksum");
    if (!Objects.equals(data.previewChecksum(), current)) {
      throw new InvalidEvent(data, "preview checksum " + data.previewChecksum()
          + " does not match the current preview's checksum " + current);
    }
  }
}
