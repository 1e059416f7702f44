package org.arxiv.submission.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

  @Test
  void activeCategoriesNumber155() {
    assertThat(Taxonomy.activeCategories()).hasSize(155);
  }

  @Test
  void archiveSizesMatchTaxonomy() {
    Map<String, Integer> sizes = Taxonomy.activeByArchive().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));

    assertThat(sizes).containsEntry("astro-ph", 6);
    assertThat(sizes).containsEntry("cond-mat", 9);
    assertThat(sizes).containsEntry("cs", 40);
    assertThat(sizes).containsEntry("econ", 3);
    assertThat(sizes).containsEntry("eess", 4);
    assertThat(sizes).containsEntry("math", 32);
    assertThat(sizes).containsEntry("nlin", 5);
    assertThat(sizes).containsEntry("physics", 22);
    assertThat(sizes).containsEntry("q-bio", 10);
    assertThat(sizes).containsEntry("q-fin", 9);
    assertThat(sizes).containsEntry("stat", 6);
    for (String single : new String[] {"gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th",
        "math-ph", "nucl-ex", "nucl-th", "quant-ph"}) {
      assertThat(Taxonomy.activeByArchive().get(single)).as(single).containsExactly(single);
    }
    assertThat(sizes).hasSize(20);
  }

  @Test
  void inactiveCategoriesNumber29() {
    assertThat(Taxonomy.inactiveCategories()).hasSize(29);
    assertThat(Taxonomy.inactiveCategories()).doesNotContainAnyElementsOf(
        Taxonomy.activeCategories());
  }

  @Test
  void activeMeansInActiveList() {
    assertThat(Taxonomy.isActive("astro-ph.GA")).isTrue();
    assertThat(Taxonomy.isActive("hep-th")).isTrue();
    assertThat(Taxonomy.isActive("astro-ph")).isFalse();
    assertThat(Taxonomy.isActive("test.soft")).isFalse();
    assertThat(Taxonomy.isActive("cs.XX")).isFalse();
    assertThat(Taxonomy.isActive("")).isFalse();
    assertThat(Taxonomy.isActive(null)).isFalse();
  }

  @Test
  void archiveIsTextBeforeFirstDot() {
    assertThat(Taxonomy.archiveOf("cond-mat.mes-hall")).contains("cond-mat");
    assertThat(Taxonomy.archiveOf("physics.gen-ph")).contains("physics");
    assertThat(Taxonomy.archiveOf("test.dis-nn")).contains("test");
  }

  @Test
  void archiveLevelCategoryIsOwnArchive() {
    assertThat(Taxonomy.archiveOf("hep-th")).contains("hep-th");
    assertThat(Taxonomy.archiveOf("solv-int")).contains("solv-int");
  }

  @Test
  void unknownCategoryHasNoArchive() {
    assertThat(Taxonomy.archiveOf("cs.XX")).isEmpty();
    assertThat(Taxonomy.archiveOf(null)).isEmpty();
  }

  @Test
  void generalCategoriesIncludeEconGn() {
    assertThat(Taxonomy.activeCategories().stream().filter(Taxonomy::isGeneral))
        .containsExactlyInAnyOrder("cs.OH", "math.GM", "physics.gen-ph", "q-bio.OT", "econ.GN");
    assertThat(Taxonomy.isGeneral("cs.AI")).isFalse();
    assertThat(Taxonomy.isGeneral(null)).isFalse();
  }
}
