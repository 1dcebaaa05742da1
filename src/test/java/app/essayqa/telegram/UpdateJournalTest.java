package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.error.EssayQaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateJournalTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static BotApi.RawUpdate update(long id, String text) {
    ObjectNode u = JSON.createObjectNode();
    u.put("update_id", id);
    ObjectNode m = u.putObject("message");
    m.put("message_id", id * 10).put("date", 1).put("text", text);
    m.putObject("chat").put("id", 42).put("type", "private");
    return new BotApi.RawUpdate(id, u);
  }

  private static List<JsonNode> replies(int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> (JsonNode) JSON.createObjectNode().put("method", "sendmessage").put("i", i))
        .toList();
  }

  @Test
  void should_keep_received_updates_until_done_across_a_reopen() throws Exception {
    try (UpdateJournal journal = UpdateJournal.open(dir)) {
      assertThat(journal.offset()).isZero();

      List<UpdateJournal.Entry> fresh = journal.accept(List.of(update(6, "b"), update(5, "a")));
      journal.done(5);

      assertThat(fresh).extracting(UpdateJournal.Entry::updateId).containsExactly(5L, 6L);
    }
    try (UpdateJournal reopened = UpdateJournal.open(dir)) {
      assertThat(reopened.offset()).isEqualTo(7);
      assertThat(reopened.pendingCount()).isEqualTo(1);
      assertThat(reopened.recovered())
          .extracting(e -> e.update().path("message").path("text").asText())
          .containsExactly("b");
    }
  }

  @Test
  void should_keep_each_bots_offset_and_records_apart_on_one_state_folder() throws Exception {
    try (UpdateJournal first = UpdateJournal.openForBot(dir, 111)) {
      first.accept(List.of(update(900, "first bot")));
    }
    try (UpdateJournal second = UpdateJournal.openForBot(dir, 222)) {
      // The second bot's first updates, far below the first bot's offset, are still received.
      assertThat(second.offset()).isZero();
      assertThat(second.recovered()).isEmpty();
      assertThat(second.accept(List.of(update(3, "second bot"))))
          .extracting(UpdateJournal.Entry::updateId)
          .containsExactly(3L);
    }
    try (UpdateJournal first = UpdateJournal.openForBot(dir, 111)) {
      assertThat(first.offset()).isEqualTo(901);
      assertThat(first.recovered())
          .extracting(e -> e.update().path("message").path("text").asText())
          .containsExactly("first bot");
    }
    assertThat(dir.resolve("111")).isDirectory();
    assertThat(dir.resolve("222")).isDirectory();
  }

  @Test
  void should_refuse_an_old_offset_not_keyed_by_a_bot_and_leave_it_untouched() throws Exception {
    Files.writeString(dir.resolve("offset"), "901", java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> UpdateJournal.openForBot(dir, 222))
        .isInstanceOf(EssayQaException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("not keyed by a bot")
        .hasMessageContaining(dir.resolve("222").toString());
    assertThat(Files.readString(dir.resolve("offset"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("901");
    assertThat(dir.resolve("222")).doesNotExist();
  }

  @Test
  void should_ignore_updates_below_the_offset_when_telegram_resends_them() throws Exception {
    try (UpdateJournal journal = UpdateJournal.open(dir)) {
      journal.accept(List.of(update(5, "a")));
      journal.done(5);

      List<UpdateJournal.Entry> fresh = journal.accept(List.of(update(5, "a"), update(6, "b")));

      assertThat(fresh).extracting(UpdateJournal.Entry::updateId).containsExactly(6L);
      assertThat(journal.pendingCount()).isEqualTo(1);
    }
  }

  @Test
  void should_confirm_records_a_crash_left_before_the_offset_moved_and_not_take_them_again()
      throws Exception {
    try (UpdateJournal journal = UpdateJournal.open(dir)) {
      journal.accept(List.of(update(5, "a")));
    }
    // As a crash leaves it: records 6 and 7 of a batch are written, the offset still says 6.
    Path pending = dir.resolve("pending");
    Files.copy(pending.resolve("5.json"), pending.resolve("6.json"));
    Files.writeString(
        pending.resolve("6.json"),
        Files.readString(pending.resolve("6.json")).replace("\"update_id\":5", "\"update_id\":6"));
    Files.writeString(pending.resolve("7.json.tmp"), "{\"update_id\":7,\"sta");

    try (UpdateJournal reopened = UpdateJournal.open(dir)) {
      List<UpdateJournal.Entry> again =
          reopened.accept(List.of(update(6, "b"), update(7, "c"), update(8, "d")));

      assertThat(reopened.recovered())
          .extracting(UpdateJournal.Entry::updateId)
          .containsExactly(5L, 6L);
      assertThat(again).extracting(UpdateJournal.Entry::updateId).containsExactly(7L, 8L);
      assertThat(reopened.pendingCount()).isEqualTo(4);
      assertThat(reopened.offset()).isEqualTo(9);
      assertThat(pending.resolve("7.json.tmp")).doesNotExist();
    }
  }

  @Test
  void should_resume_an_answered_update_at_the_first_reply_not_accepted() throws Exception {
    try (UpdateJournal journal = UpdateJournal.open(dir)) {
      UpdateJournal.Entry e = journal.accept(List.of(update(5, "a"))).get(0);
      e = journal.answered(e, replies(3), "answered");
      e = journal.sent(journal.sending(e));
      journal.sending(e);
    }
    try (UpdateJournal reopened = UpdateJournal.open(dir)) {
      UpdateJournal.Entry e = reopened.recovered().get(0);

      assertThat(e.state()).isEqualTo(UpdateJournal.State.SENDING);
      assertThat(e.sent()).isEqualTo(1);
      assertThat(e.replies()).hasSize(3);
      assertThat(e.outcome()).isEqualTo("answered");

      e = reopened.sent(reopened.sent(reopened.ambiguous(e)));
      assertThat(e.finished()).isTrue();
      assertThat(e.ambiguous()).isEqualTo(1);
      assertThat(reopened.pendingCount()).isZero();
      assertThat(dir.resolve("pending")).isEmptyDirectory();
    }
  }

  @Test
  void should_set_aside_an_unreadable_record_with_the_reason_and_go_on() throws Exception {
    try (UpdateJournal journal = UpdateJournal.open(dir)) {
      journal.accept(List.of(update(5, "a")));
    }
    Files.writeString(dir.resolve("pending/4.json"), "{not json");

    try (UpdateJournal reopened = UpdateJournal.open(dir)) {
      assertThat(reopened.recovered())
          .extracting(UpdateJournal.Entry::updateId)
          .containsExactly(5L);
      assertThat(reopened.pendingCount()).isEqualTo(1);
    }
    assertThat(dir.resolve("pending/4.json")).doesNotExist();
    assertThat(dir.resolve("rejected/4.json")).content().contains("{not json");
    assertThat(dir.resolve("rejected/4.reason")).content().startsWith("unreadable record");
  }

  @Test
  void should_refuse_a_second_user_of_the_folder() {
    try (UpdateJournal first = UpdateJournal.open(dir)) {
      assertThat(first.pendingCount()).isZero();
      assertThatThrownBy(() -> UpdateJournal.open(dir))
          .isInstanceOf(EssayQaException.class)
          .hasMessageContaining("another essay-qa telegram")
          .hasMessageContaining(dir.toString());
    }
    UpdateJournal.open(dir).close();
  }

  @Test
  void should_name_the_folder_when_it_cannot_be_used() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    assertThatThrownBy(() -> UpdateJournal.open(file))
        .isInstanceOf(EssayQaException.class)
        .hasMessageContaining("telegram.state-dir")
        .hasMessageContaining(file.toString());
  }
}
