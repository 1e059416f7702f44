package org.arxiv.submission.agent.domain.event;

import org.arxiv.submission.agent.domain.Hashing;

/**
 * One author of a submission. An empty identifier is derived as the SHA-1 of the name parts,
 * and an empty display name from the name and affiliation, as the original does.
 */
public record Author(
    Integer order,
    String forename,
    String surname,
    String initials,
    String affiliation,
    String email,
    String identifier,
    String display) {

  public Author {
    order = order == null ? 0 : order;
    forename = forename == null ? "" : forename;
    surname = surname == null ? "" : surname;
    initials = initials == null ? "" : initials;
    affiliation = affiliation == null ? "" : affiliation;
    email = email == null ? "" : email;
    if (identifier == null || identifier.isEmpty()) {
      identifier = Hashing.sha1Hex(
          forename + ":" + surname + ":" + initials + ":" + affiliation + ":" + email);
    }
    if (display == null || display.isEmpty()) {
      display = (forename + " " + initials + " " + surname).replaceFirst("  ", " ");
      if (!affiliation.isEmpty()) {
        display = display + " (" + affiliation + ")";
      }
    }
  }
}
