package app.essayqa.ingest;

import java.util.List;
import java.util.OptionalInt;

/** Page lookups over the start offsets of a paged document's pages. */
final class Pages {
  private Pages() {}

  /** The 1-based page holding {@code offset}: the last page starting at or before it. */
  static OptionalInt at(List<Integer> pageStarts, int offset) {
    if (pageStarts.isEmpty()) {
      return OptionalInt.empty();
    }
    int lo = 0;
    int hi = pageStarts.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pageStarts.get(mid) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return OptionalInt.of(lo + 1);
  }
}
