package app.essayqa.telegram;

import static app.essayqa.telegram.UserRateLimiter.Decision.ALLOW;
import static app.essayqa.telegram.UserRateLimiter.Decision.REFUSE_AND_EXPLAIN;
import static app.essayqa.telegram.UserRateLimiter.Decision.REFUSE_SILENTLY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserRateLimiterTest {
  @Test
  void should_explain_once_then_refuse_silently_until_the_minute_passes() {
    UserRateLimiter limiter = new UserRateLimiter(2);

    assertThat(limiter.check(7, 0)).isEqualTo(ALLOW);
    assertThat(limiter.check(7, 1_000)).isEqualTo(ALLOW);
    assertThat(limiter.check(7, 2_000)).isEqualTo(REFUSE_AND_EXPLAIN);
    assertThat(limiter.check(7, 3_000)).isEqualTo(REFUSE_SILENTLY);
    assertThat(limiter.check(8, 3_000)).isEqualTo(ALLOW);
    assertThat(limiter.check(7, 60_000)).isEqualTo(ALLOW);
    assertThat(limiter.check(7, 60_500)).isEqualTo(REFUSE_AND_EXPLAIN);
  }
}
