package org.arxiv.submission.agent.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arXiv category taxonomy that event validation uses: 155 active categories grouped by
 * archive, 29 inactive ones, and the general categories.
 *
 * <p>The categories and their active flags are those of arxiv-base 0.16.6, and the general
 * categories are its four plus {@code econ.GN}. Category aliases such as {@code math.MP} for
 * {@code math-ph} are not resolved, so each alias keeps the archive of its own prefix, as in the
 * original.
 */
public final class Taxonomy {

  private static final Map<String, List<String>> ACTIVE_BY_ARCHIVE = activeByArchiveData();

  private static final Set<String> ACTIVE = flatten(ACTIVE_BY_ARCHIVE);

  // Archives that were merged into others or retired, each id a category of its own, and the
  // categories of the "test" archive.
  private static final Set<String> INACTIVE =
      Set.of(
          "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an",
          "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "dg-ga", "funct-an", "mtrl-th",
          "patt-sol", "plasm-ph", "q-alg", "q-bio", "solv-int", "supr-con", "test",
          "test.dis-nn", "test.mes-hall", "test.mtrl-sci", "test.soft", "test.stat-mech",
          "test.str-el", "test.supr-con");

  // arxiv-base marks econ.GN as general only from September 2021 on. It is included here
  // because a general economics category next to a specific one is just as redundant.
  private static final Set<String> GENERAL =
      Set.of("cs.OH", "math.GM", "physics.gen-ph", "q-bio.OT", "econ.GN");

  private static final Set<String> ARCHIVES = archivesOf(ACTIVE, INACTIVE);

  private Taxonomy() {}

  /** Returns whether the archive, such as {@code cs} or {@code hep-th}, is in the taxonomy. */
  public static boolean isKnownArchive(String archive) {
    return archive != null && ARCHIVES.contains(archive);
  }

  /** Returns the active categories of each archive, archives and categories in sorted order. */
  public static Map<String, List<String>> activeByArchive() {
    return ACTIVE_BY_ARCHIVE;
  }

  /** Returns the 155 active categories. */
  public static Set<String> activeCategories() {
    return ACTIVE;
  }

  /** Returns the 29 inactive categories. */
  public static Set<String> inactiveCategories() {
    return INACTIVE;
  }

  /** Returns whether the category is in the taxonomy, active or not. */
  public static boolean isKnown(String category) {
    return category != null && (ACTIVE.contains(category) || INACTIVE.contains(category));
  }

  /** Returns whether new submissions may use the category; false for null. */
  public static boolean isActive(String category) {
    return category != null && ACTIVE.contains(category);
  }

  /** Returns whether the category is the catch-all category of its archive; false for null. */
  public static boolean isGeneral(String category) {
    return category != null && GENERAL.contains(category);
  }

  /**
   * Returns the archive of a known category: the text before the first {@code '.'}, or the
   * whole id for archive-level categories such as {@code hep-th}.
   *
   * @return the archive, or empty when the category is null or not in the taxonomy
   */
  public static Optional<String> archiveOf(String category) {
    if (!isKnown(category)) {
      return Optional.empty();
    }
    int dot = category.indexOf('.');
    return Optional.of(dot < 0 ? category : category.substring(0, dot));
  }

  private static Map<String, List<String>> activeByArchiveData() {
    Map<String, List<String>> archives = new LinkedHashMap<>();
    archives.put("astro-ph", prefixed("astro-ph", "CO EP GA HE IM SR"));
    archives.put("cond-mat", prefixed("cond-mat",
        "dis-nn mes-hall mtrl-sci other quant-gas soft stat-mech str-el supr-con"));
    archives.put("cs", prefixed("cs",
        "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE"
            + " NI OH OS PF PL RO SC SD SE SI SY"));
    archives.put("econ", prefixed("econ", "EM GN TH"));
    archives.put("eess", prefixed("eess", "AS IV SP SY"));
    for (String archive : List.of("gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th")) {
      archives.put(archive, List.of(archive));
    }
    archives.put("math", prefixed("math",
        "AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT"
            + " SG SP ST"));
    archives.put("math-ph", List.of("math-ph"));
    archives.put("nlin", prefixed("nlin", "AO CD CG PS SI"));
    archives.put("nucl-ex", List.of("nucl-ex"));
    archives.put("nucl-th", List.of("nucl-th"));
    archives.put("physics", prefixed("physics",
        "acc-ph ao-ph app-ph atm-clus atom-ph bio-ph chem-ph class-ph comp-ph data-an ed-ph"
            + " flu-dyn gen-ph geo-ph hist-ph ins-det med-ph optics plasm-ph pop-ph soc-ph"
            + " space-ph"));
    archives.put("q-bio", prefixed("q-bio", "BM CB GN MN NC OT PE QM SC TO"));
    archives.put("q-fin", prefixed("q-fin", "CP EC GN MF PM PR RM ST TR"));
    archives.put("quant-ph", List.of("quant-ph"));
    archives.put("stat", prefixed("stat", "AP CO ME ML OT TH"));
    return Collections.unmodifiableMap(archives);
  }

  private static List<String> prefixed(String archive, String subjects) {
    return Arrays.stream(subjects.split(" ")).map(s -> archive + "." + s).toList();
  }

  private static Set<String> archivesOf(Set<String> active, Set<String> inactive) {
    Set<String> archives = new LinkedHashSet<>();
    for (Set<String> categories : List.of(active, inactive)) {
      categories.forEach(c -> archives.add(c.contains(".") ? c.substring(0, c.indexOf('.')) : c));
    }
    return Collections.unmodifiableSet(archives);
  }

  private static Set<String> flatten(Map<String, List<String>> byArchive) {
    Set<String> all = new LinkedHashSet<>();
    byArchive.values().forEach(all::addAll);
    return Collections.unmodifiableSet(all);
  }
}
