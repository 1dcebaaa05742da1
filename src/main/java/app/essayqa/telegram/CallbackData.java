package app.essayqa.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an inline button asks for, packed into Telegram's {@code callback_data} (at most 64 bytes):
 * a paragraph of a document, shown as a new message or paged into the message the button sits on.
 *
 * @param document index of the document in the library
 * @param paragraph 1-based paragraph number
 */
record CallbackData(Action action, int document, int paragraph) {
  static final int MAX_BYTES = 64;

  enum Action {
    /** Send the paragraph as a new message (a source button under an answer). */
    SHOW("s"),
    /** Replace the paragraph message with this one (previous/next). */
    PAGE("p");

    final String code;

    Action(String code) {
      this.code = code;
    }
  }

  CallbackData {
    if (document < 0 || paragraph < 1) {
      throw new IllegalArgumentException(
          "bad paragraph reference: document " + document + ", paragraph " + paragraph);
    }
  }

  String encode() {
    String data = action.code + ":" + document + ":" + paragraph;
    if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalStateException("callback data over " + MAX_BYTES + " bytes: " + data);
    }
    return data;
  }

  /** Empty for anything this bot did not write, including buttons of older versions. */
  static Optional<CallbackData> decode(String data) {
    if (data == null) {
      return Optional.empty();
    }
    String[] parts = data.split(":", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    Action action = null;
    for (Action a : Action.values()) {
      if (a.code.equals(parts[0])) {
        action = a;
      }
    }
    try {
      int document = Integer.parseInt(parts[1]);
      int paragraph = Integer.parseInt(parts[2]);
      if (action == null || document < 0 || paragraph < 1) {
        return Optional.empty();
      }
      return Optional.of(new CallbackData(action, document, paragraph));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
