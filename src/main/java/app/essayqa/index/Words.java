package app.essayqa.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits text into the plain words that near-synonym expansion embeds one by one. */
public final class Words {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

  private Words() {}

  /** The distinct lower-case words of {@code text}, trailing possessives removed, in order. */
  public static List<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group().replaceAll("['’]s?$", "");
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return new ArrayList<>(out);
  }
}
