package org.arxiv.submission.agent.process.classification;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The arXiv category taxonomy as the original agent used it: the 184 categories (155 active, 29
 * inactive) of arxiv-base's taxonomy definitions as of 2019-10. Aliases such as math.MP and
 * math-ph are not resolved, so each keeps the archive of its own prefix.
 */
public final class Taxonomy {

  private static final Set<String> CATEGORIES = Arrays.stream(("""
      astro-ph.CO astro-ph.EP astro-ph.GA astro-ph.HE astro-ph.IM astro-ph.SR
      cond-mat.dis-nn cond-mat.mes-hall cond-mat.mtrl-sci cond-mat.other cond-mat.quant-gas
      cond-mat.soft cond-mat.stat-mech cond-mat.str-el cond-mat.supr-con
      cs.AI cs.AR cs.CC cs.CE cs.CG cs.CL cs.CR cs.CV cs.CY cs.DB cs.DC cs.DL cs.DM cs.DS cs.ET
      cs.FL cs.GL cs.GR cs.GT cs.HC cs.IR cs.IT cs.LG cs.LO cs.MA cs.MM cs.MS cs.NA cs.NE cs.NI
      cs.OH cs.OS cs.PF cs.PL cs.RO cs.SC cs.SD cs.SE cs.SI cs.SY
      econ.EM econ.GN econ.TH
      eess.AS eess.IV eess.SP eess.SY
      gr-qc hep-ex hep-lat hep-ph hep-th math-ph nucl-ex nucl-th quant-ph
      math.AC math.AG math.AP math.AT math.CA math.CO math.CT math.CV math.DG math.DS math.FA
      math.GM math.GN math.GR math.GT math.HO math.IT math.KT math.LO math.MG math.MP math.NA
      math.NT math.OA math.OC math.PR math.QA math.RA math.RT math.SG math.SP math.ST
      nlin.AO nlin.CD nlin.CG nlin.PS nlin.SI
      physics.acc-ph physics.ao-ph physics.app-ph physics.atm-clus physics.atom-ph
      physics.bio-ph physics.chem-ph physics.class-ph physics.comp-ph physics.data-an
      physics.ed-ph physics.flu-dyn physics.gen-ph physics.geo-ph physics.hist-ph
      physics.ins-det physics.med-ph physics.optics physics.plasm-ph physics.pop-ph
      physics.soc-ph physics.space-ph
      q-bio.BM q-bio.CB q-bio.GN q-bio.MN q-bio.NC q-bio.OT q-bio.PE q-bio.QM q-bio.SC q-bio.TO
      q-fin.CP q-fin.EC q-fin.GN q-fin.MF q-fin.PM q-fin.PR q-fin.RM q-fin.ST q-fin.TR
      stat.AP stat.CO stat.ME stat.ML stat.OT stat.TH
      acc-phys adap-org alg-geom ao-sci astro-ph atom-ph bayes-an chao-dyn chem-ph cmp-lg
      comp-gas cond-mat dg-ga funct-an mtrl-th patt-sol plasm-ph q-alg q-bio solv-int supr-con
      test test.dis-nn test.mes-hall test.mtrl-sci test.soft test.stat-mech test.str-el
      test.supr-con
      """).strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());

  private Taxonomy() {}

  /** Returns whether the category is in the taxonomy, active or not. */
  public static boolean isKnown(String category) {
    return CATEGORIES.contains(category);
  }

  /** Returns the number of categories, 184. */
  public static int size() {
    return CATEGORIES.size();
  }

  /**
   * Returns the archive of a category, which for every category of the taxonomy is the text
   * before the first dot: cs for cs.LG, and hep-th for hep-th itself.
   *
   * @throws IllegalArgumentException when the category is not in the taxonomy
   */
  public static String archive(String category) {
    if (!isKnown(category)) {
      throw new IllegalArgumentException("unknown category \"" + category + "\"");
    }
    int dot = category.indexOf('.');
    return dot < 0 ? category : category.substring(0, dot);
  }
}
