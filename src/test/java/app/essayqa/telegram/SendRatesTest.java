package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendRatesTest {
  @Test
  void should_space_messages_to_one_chat_by_the_interval() {
    SendRates rates = SendRates.telegram();

    assertThat(rates.nextAllowed(42, 10_000)).isEqualTo(10_000);
    rates.record(42, 10_000);

    assertThat(rates.nextAllowed(42, 10_200)).isEqualTo(11_000);
    assertThat(rates.nextAllowed(43, 10_200)).isEqualTo(10_200);
  }

  @Test
  void should_allow_twenty_messages_a_minute_in_a_group() {
    SendRates rates = new SendRates(0, 20, 1000);
    long group = -100123;
    for (int i = 0; i < 20; i++) {
      assertThat(rates.nextAllowed(group, i * 100L)).isEqualTo(i * 100L);
      rates.record(group, i * 100L);
    }

    assertThat(rates.nextAllowed(group, 2_000)).isEqualTo(60_000);
    assertThat(rates.nextAllowed(group, 60_000)).isEqualTo(60_000);
  }

  @Test
  void should_cap_all_chats_together_at_thirty_a_second() {
    SendRates rates = SendRates.telegram();
    for (int chat = 1; chat <= 30; chat++) {
      rates.record(chat, 5_000 + chat);
    }

    assertThat(rates.nextAllowed(31, 5_100)).isEqualTo(6_001);
    assertThat(rates.nextAllowed(31, 6_001)).isEqualTo(6_001);
  }
}
