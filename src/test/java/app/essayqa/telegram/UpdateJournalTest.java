package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.error.EssayQaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

class UpdateJournalTest {
  @TempDir Path dir;

  private static Update update(int id, String text) {
    Message m = new Message();
    m.setMessageId(id * 10);
    m.setChat(Chat.builder().id(42L).type("private").build());
    m.setText(text);
    Update u = new Update();
    u.setUpdateId(id);
    u.setMessage(m);
    return u;
  }

  @Test
  void should_keep_received_updates_until_done_across_a_reopen() throws Exception {
    UpdateJournal journal = UpdateJournal.open(dir);
    assertThat(journal.offset()).isZero();

    List<Update> fresh = journal.accept(List.of(update(6, "b"), update(5, "a")));
    journal.done(5);

    assertThat(fresh).extracting(Update::getUpdateId).containsExactly(5, 6);
    UpdateJournal reopened = UpdateJournal.open(dir);
    assertThat(reopened.offset()).isEqualTo(7);
    assertThat(reopened.pendingCount()).isEqualTo(1);
    assertThat(reopened.pending()).extracting(u -> u.getMessage().getText()).containsExactly("b");
  }

  @Test
  void should_ignore_updates_below_the_offset_when_telegram_resends_them() throws Exception {
    UpdateJournal journal = UpdateJournal.open(dir);
    journal.accept(List.of(update(5, "a")));
    journal.done(5);

    List<Update> fresh = journal.accept(List.of(update(5, "a"), update(6, "b")));

    assertThat(fresh).extracting(Update::getUpdateId).containsExactly(6);
    assertThat(journal.pendingCount()).isEqualTo(1);
  }

  @Test
  void should_set_aside_a_corrupt_pending_file_and_go_on() throws Exception {
    UpdateJournal journal = UpdateJournal.open(dir);
    journal.accept(List.of(update(5, "a")));
    Files.writeString(dir.resolve("pending/9.json"), "{not json");

    assertThat(UpdateJournal.open(dir).pending())
        .extracting(Update::getUpdateId)
        .containsExactly(5);
    assertThat(dir.resolve("pending/9.json.bad")).exists();
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
