package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendRatesTest {
  @Test
  void should_space_messages_to_one_chat_from_the_previous_response() {
    SendRates rates = SendRates.telegram();

    assertThat(rates.nextAllowed(42, 10_000)).isEqualTo(10_000);
    rates.started(42);
    assertThat(rates.nextAllowed(42, 10_100)).as("in flight").isEqualTo(Long.MAX_VALUE);
    rates.ended(42, 10_400);

    assertThat(rates.nextAllowed(42, 10_500)).isEqualTo(11_400);
    assertThat(rates.nextAllowed(43, 10_500)).isEqualTo(10_500);
  }

  @Test
  void should_allow_twenty_messages_a_minute_in_a_group() {
    SendRates rates = new SendRates(0, 20, 1000);
    long group = -100123;
    for (int i = 0; i < 20; i++) {
      assertThat(rates.nextAllowed(group, i * 100L)).isEqualTo(i * 100L);
      rates.started(group);
      rates.ended(group, i * 100L);
    }

    assertThat(rates.nextAllowed(group, 2_000)).isEqualTo(60_000);
    assertThat(rates.nextAllowed(group, 60_000)).isEqualTo(60_000);
  }

  @Test
  void should_count_sends_in_flight_toward_the_thirty_a_second() {
    SendRates rates = SendRates.telegram();
    for (int chat = 1; chat <= 30; chat++) {
      rates.started(chat);
    }

    assertThat(rates.nextAllowed(31, 5_100)).as("30 in flight").isEqualTo(Long.MAX_VALUE);
    rates.ended(1, 5_200);
    assertThat(rates.nextAllowed(31, 5_300)).as("29 in flight, 1 answered").isEqualTo(6_200);
    for (int chat = 2; chat <= 30; chat++) {
      rates.ended(chat, 5_200 + chat);
    }
    assertThat(rates.nextAllowed(31, 5_300)).isEqualTo(6_200);
    assertThat(rates.nextAllowed(31, 6_200)).isEqualTo(6_200);
  }
}
