package org.arxiv.submission.agent.domain.event;

/**
 * The fields that one event type adds to the common event fields.
 *
 * <p>The event type name on the wire is the simple name of the implementing record, which is
 * the name of the original's event class.
 */
public sealed interface EventData
    permits
        CreateSubmission,
        CreateSubmissionVersion,
        Rollback,
        ConfirmContactInformation,
        ConfirmAuthorship,
        ConfirmPolicy,
        SetPrimaryClassification,
        AddSecondaryClassification,
        RemoveSecondaryClassification,
        SetLicense,
        SetTitle,
        SetAbstract,
        SetDOI,
        SetMSCClassification,
        SetACMClassification,
        SetJournalReference,
        SetReportNumber,
        SetComments,
        SetAuthors,
        SetUploadPackage,
        UpdateUploadPackage,
        UnsetUploadPackage,
        ConfirmSourceProcessed,
        UnConfirmSourceProcessed,
        ConfirmPreview,
        FinalizeSubmission,
        UnFinalizeSubmission,
        Announce,
        AddFeature,
        AddClassifierResults,
        Reclassify,
        RemoveFlag,
        AddContentFlag,
        AddMetadataFlag,
        AddUserFlag,
        AddHold,
        RemoveHold,
        AddWaiver,
        AddProcessStatus,
        AddProposal,
        RejectProposal,
        AcceptProposal,
        ApproveRequest,
        RejectRequest,
        CancelRequest,
        ApplyRequest,
        RequestCrossList,
        RequestWithdrawal {

  /** Returns the event type name, for example {@code SetTitle}. */
  default String eventType() {
    return getClass().getSimpleName();
  }
}
