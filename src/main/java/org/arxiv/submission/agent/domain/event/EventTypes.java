package org.arxiv.submission.agent.domain.event;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed table of event types the agent can decode. The decoder looks event type names up
 * here and never loads a class named by the data.
 */
public final class EventTypes {

  private static final List<Class<? extends EventData>> ALL =
      List.of(
          CreateSubmission.class,
          CreateSubmissionVersion.class,
          Rollback.class,
          ConfirmContactInformation.class,
          ConfirmAuthorship.class,
          ConfirmPolicy.class,
          SetPrimaryClassification.class,
          AddSecondaryClassification.class,
          RemoveSecondaryClassification.class,
          SetLicense.class,
          SetTitle.class,
          SetAbstract.class,
          SetDOI.class,
          SetMSCClassification.class,
          SetACMClassification.class,
          SetJournalReference.class,
          SetReportNumber.class,
          SetComments.class,
          SetAuthors.class,
          SetUploadPackage.class,
          UpdateUploadPackage.class,
          UnsetUploadPackage.class,
          ConfirmSourceProcessed.class,
          UnConfirmSourceProcessed.class,
          ConfirmPreview.class,
          FinalizeSubmission.class,
          UnFinalizeSubmission.class,
          Announce.class,
          AddFeature.class,
          AddClassifierResults.class,
          Reclassify.class,
          RemoveFlag.class,
          AddContentFlag.class,
          AddMetadataFlag.class,
          AddUserFlag.class,
          AddHold.class,
          RemoveHold.class,
          AddWaiver.class,
          AddProcessStatus.class,
          AddProposal.class,
          RejectProposal.class,
          AcceptProposal.class,
          ApproveRequest.class,
          RejectRequest.class,
          CancelRequest.class,
          ApplyRequest.class,
          RequestCrossList.class,
          RequestWithdrawal.class);

  private static final Map<String, Class<? extends EventData>> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private EventTypes() {}

  /** Returns the record class for an event type name, or null when the name is unknown. */
  public static Class<? extends EventData> forName(String eventType) {
    return BY_NAME.get(eventType);
  }

  /** Returns every known event type, in the order the original's modules define them. */
  public static List<Class<? extends EventData>> all() {
    return ALL;
  }
}
