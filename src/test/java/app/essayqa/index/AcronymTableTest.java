package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.ingest.ParagraphKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcronymTableTest {
  @ParameterizedTest(name = "[{index}] {1} in {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The World Health Organization (WHO) issued a warning.|WHO|World Health Organization",
        "Members of the North Atlantic Treaty Organization (NATO) met.|NATO|North Atlantic Treaty Organization",
        "The Association of Southeast Asian Nations (ASEAN) grew.|ASEAN|Association of Southeast Asian Nations",
        "Both joined the Trans-Pacific Partnership (TPP) talks.|TPP|Trans-Pacific Partnership",
        "Spending on research and development (R&D) rose.|R&D|research and development",
        "They cut greenhouse gas (GHG) emissions.|GHG|greenhouse gas",
        "Several non-governmental organisations (NGOs) objected.|NGO|non-governmental organisations",
        "The GDP (gross domestic product) fell by 2%.|GDP|gross domestic product",
        "It runs on a central processing unit (CPU).|CPU|central processing unit",
        "The Department of Energy (DOE) funds it.|DOE|Department of Energy",
        "Files go through the Hypertext Transfer Protocol (HTTP).|HTTP|Hypertext Transfer Protocol",
      })
  void should_read_an_acronym_and_its_expansion_from_typography(
      String sentence, String acronym, String expansion) {
    assertThat(AcronymTable.definitionsIn(sentence)).containsEntry(acronym, expansion);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The committee met in Geneva (UN).",
        "Prices rose sharply (see FIG).",
        "He spoke (loudly) about the WTO.",
        "The WTO (which he criticised) was slow.",
        "A table (2) and a chart (B).",
        "Prices (PRC) rose in the spring.",
      })
  void should_find_no_definition_where_the_letters_do_not_spell_the_acronym(String sentence) {
    Map<String, String> found = AcronymTable.definitionsIn(sentence);

    assertThat(found).isEmpty();
  }

  @Test
  void should_keep_the_first_definition_in_library_order_and_find_plurals() {
    AcronymTable table =
        AcronymTable.of(
            List.of(
                passage(0, "Most non-governmental organisations (NGOs) took part."),
                passage(1, "Later, the NGO (national gaming office) closed."),
                passage(2, "No definition here at all.")));

    assertThat(table.find("NGOs")).hasValueSatisfying(d -> assertThat(d.passage().id()).isZero());
    assertThat(table.find("NGO").orElseThrow().expansion())
        .isEqualTo("non-governmental organisations");
    assertThat(table.find("WHO")).isEmpty();
    assertThat(table.definitions()).hasSize(1);
  }

  private static Passage passage(int id, String text) {
    return new Passage(
        id, "doc.txt", "Doc", "", ParagraphKind.BODY, id + 1, 1, 0, text.length(), text, text);
  }
}
