package org.arxiv.submission.agent.projection;

import static org.arxiv.submission.agent.projection.Fixtures.apply;
import static org.arxiv.submission.agent.projection.Fixtures.assertRejected;
import static org.arxiv.submission.agent.projection.Fixtures.submitted;
import static org.arxiv.submission.agent.projection.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.ConfirmPreview;
import org.arxiv.submission.agent.domain.event.ConfirmSourceProcessed;
import org.arxiv.submission.agent.domain.event.SetUploadPackage;
import org.arxiv.submission.agent.domain.event.UnConfirmSourceProcessed;
import org.arxiv.submission.agent.domain.event.UnsetUploadPackage;
import org.arxiv.submission.agent.domain.event.UpdateUploadPackage;
import org.junit.jupiter.api.Test;

class ProjectorSourceTest {

  @Test
  void setPackageStoresFieldsInWireOrder() throws Exception {
    Submission after =
        apply(working(), new SetUploadPackage("42", "abc==", 3_000_000_000L, 10L, "pdf"));

    JsonNode content = after.sourceContent();
    assertThat(content.fieldNames()).toIterable().containsExactly(
        "identifier", "checksum", "uncompressed_size", "compressed_size", "source_format");
    assertThat(content.get("identifier").textValue()).isEqualTo("42");
    assertThat(content.get("uncompressed_size").longValue()).isEqualTo(3_000_000_000L);
    assertThat(content.get("compressed_size")).isEqualTo(IntNode.valueOf(10));
    assertThat(content.get("source_format").textValue()).isEqualTo("pdf");
    assertThat(after.get("submitter_confirmed_preview").booleanValue()).isFalse();
  }

  @Test
  void setPackageNeedsIdentifier() {
    assertRejected(working(), new SetUploadPackage("", "abc==", 1L, 1L, "tex"))
        .hasMessageContaining("upload identifier is missing");
  }

  @Test
  void setPackageRejectedWhenFinalized() {
    assertRejected(submitted(), new SetUploadPackage("42", "abc==", 1L, 1L, "tex"))
        .hasMessageContaining("is finalized");
  }

  @Test
  void updatePackageKeepsIdentifier() throws Exception {
    Submission before = working();
    String identifier = before.sourceContent().get("identifier").textValue();

    Submission after = apply(before, new UpdateUploadPackage("new==", 5L, 4L, null));

    JsonNode content = after.sourceContent();
    assertThat(content.get("identifier").textValue()).isEqualTo(identifier);
    assertThat(content.get("checksum").textValue()).isEqualTo("new==");
    assertThat(content.get("uncompressed_size").intValue()).isEqualTo(5);
    assertThat(content.get("compressed_size").intValue()).isEqualTo(4);
    assertThat(content.get("source_format").isNull()).isTrue();
    assertThat(after.get("submitter_confirmed_preview").booleanValue()).isFalse();
  }

  @Test
  void updatePackageWithoutSourceIsInvalid() {
    Submission before = working();
    before.set("source_content", null);

    assertRejected(before, new UpdateUploadPackage("new==", 5L, 4L, "tex"))
        .hasMessageContaining("no source package to update");
  }

  @Test
  void unsetPackageClearsSource() throws Exception {
    Submission after = apply(working(), new UnsetUploadPackage());

    assertThat(after.sourceContent()).isNull();
    assertThat(after.get("source_content").isNull()).isTrue();
    assertThat(after.get("submitter_confirmed_preview").booleanValue()).isFalse();
  }

  @Test
  void unsetPackageRejectedWhenFinalized() {
    assertRejected(submitted(), new UnsetUploadPackage()).hasMessageContaining("is finalized");
  }

  @Test
  void confirmSourceProcessedStoresPreview() throws Exception {
    Timestamp added = Timestamp.parse("2020-03-03T09:00:00+00:00");

    Submission after =
        apply(submitted(), new ConfirmSourceProcessed(9L, "src==", "pv==", 1234L, added));

    JsonNode preview = after.preview();
    assertThat(preview.fieldNames()).toIterable().containsExactly(
        "source_id", "source_checksum", "preview_checksum", "size_bytes", "added");
    assertThat(preview.get("source_id")).isEqualTo(IntNode.valueOf(9));
    assertThat(preview.get("added").textValue()).isEqualTo("2020-03-03T09:00:00+00:00");
    assertThat(after.get("is_source_processed").booleanValue()).isTrue();
  }

  @Test
  void unconfirmSourceProcessedClearsPreview() throws Exception {
    Submission after = apply(submitted(), new UnConfirmSourceProcessed());

    assertThat(after.get("is_source_processed").booleanValue()).isFalse();
    assertThat(after.get("preview").isNull()).isTrue();
  }

  @Test
  void confirmPreviewNeedsPreview() {
    Submission before = working();
    before.set("preview", null);

    assertRejected(before, new ConfirmPreview("pv-8f7e6d5c=="))
        .hasMessageContaining("no preview");
  }

  @Test
  void confirmPreviewNeedsMatchingChecksum() {
    assertRejected(working(), new ConfirmPreview("other=="))
        .hasMessageContaining("does not match")
        .hasMessageContaining("pv-8f7e6d5c==");
  }

  @Test
  void confirmPreviewRejectedWhenFinalized() {
    assertRejected(submitted(), new ConfirmPreview("pv-8f7e6d5c=="))
        .hasMessageContaining("is finalized");
  }
}
