package app.essayqa.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * A saved web page, read with jsoup: the article, not the page. Headings {@code h1}-{@code h6}
 * become sections; {@code p}, {@code li}, {@code blockquote} (and loose text in other blocks)
 * paragraphs. Scripts, styles, navigation, page headers and footers, asides, forms, code and hidden
 * elements are removed before anything is read. The title is the first {@code h1}, else {@code
 * <title>}. The charset comes from the page (BOM or meta), UTF-8 when it names none.
 */
final class HtmlReader implements DocumentReader {
  /** Never the article's text. */
  private static final String NOT_ARTICLE =
      "script, style, noscript, template, nav, header, footer, aside, form, button, select,"
          + " textarea, input, label, iframe, object, embed, svg, canvas, pre, menu, dialog,"
          + " [hidden], [aria-hidden=true], [role=navigation], [role=banner],"
          + " [role=contentinfo], [role=complementary], [role=search]";

  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("(?i)(display\\s*:\\s*none|visibility\\s*:\\s*hidden)");

  /** Stands for {@code <br>} until whitespace is collapsed; not whitespace to the regex. */
  private static final char BREAK = '\u2028';

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Blocks read as one paragraph each, unless they hold blocks of their own. */
  private static final Set<String> PARAGRAPHS =
      Set.of("p", "li", "blockquote", "dd", "dt", "figcaption", "caption", "td", "th", "address");

  /** Elements that end a run of loose text, as a new line would in print. */
  private static final Set<String> BLOCKS =
      Set.of(
          "div",
          "section",
          "article",
          "main",
          "body",
          "ul",
          "ol",
          "dl",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "figure",
          "hr",
          "center",
          "details",
          "summary",
          "hgroup",
          "fieldset");

  @Override
  public Extracted read(byte[] bytes) throws UnreadableFile {
    org.jsoup.nodes.Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    } catch (IOException e) {
      throw new UnreadableFile("cannot be read as HTML: " + e.getMessage());
    }
    page.select(NOT_ARTICLE).remove();
    for (Element styled : page.select("[style]")) {
      if (HIDDEN_STYLE.matcher(styled.attr("style")).find()) {
        styled.remove();
      }
    }
    Element root = article(page);
    BlockText out = new BlockText();
    Element h1 = root.selectFirst("h1");
    if (h1 == null && !page.title().isBlank()) {
      out.heading(page.title());
    }
    StringBuilder loose = new StringBuilder();
    walk(root, out, loose);
    flush(out, loose);
    return Extracted.unpaged(out.toString());
  }

  /** The one {@code <article>} or {@code <main>} when the page has one, else the body. */
  private static Element article(org.jsoup.nodes.Document page) {
    for (String tag : new String[] {"article", "main", "[role=main]"}) {
      Elements found = page.select(tag);
      if (found.size() == 1) {
        return found.first();
      }
    }
    return page.body();
  }

  private static void walk(Element parent, BlockText out, StringBuilder loose) {
    for (Node node : parent.childNodes()) {
      if (node instanceof TextNode t) {
        loose.append(t.getWholeText());
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (HEADINGS.contains(tag)) {
          flush(out, loose);
          out.heading(text(e));
        } else if (PARAGRAPHS.contains(tag) && !holdsBlocks(e)) {
          flush(out, loose);
          out.paragraph(text(e));
        } else if (PARAGRAPHS.contains(tag) || BLOCKS.contains(tag)) {
          flush(out, loose);
          walk(e, out, loose);
          flush(out, loose);
        } else if (tag.equals("br")) {
          loose.append(BREAK);
        } else {
          // Inline markup (a, em, span, …): its text runs on with the text around it.
          walk(e, out, loose);
        }
      }
    }
  }

  private static boolean holdsBlocks(Element e) {
    for (Element child : e.children()) {
      String tag = child.normalName();
      if (HEADINGS.contains(tag) || PARAGRAPHS.contains(tag) || BLOCKS.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  private static void flush(BlockText out, StringBuilder loose) {
    out.paragraph(collapse(loose.toString()));
    loose.setLength(0);
  }

  /** An element's text with {@code <br>} as a line break and other whitespace collapsed. */
  private static String text(Element e) {
    StringBuilder text = new StringBuilder();
    inline(e, text);
    return collapse(text.toString());
  }

  private static void inline(Element parent, StringBuilder text) {
    for (Node node : parent.childNodes()) {
      if (node instanceof TextNode t) {
        text.append(t.getWholeText());
      } else if (node instanceof Element e) {
        if (e.normalName().equals("br")) {
          text.append(BREAK);
        } else {
          inline(e, text);
        }
      }
    }
  }

  /** Source line breaks are spaces in HTML; only {@code <br>} breaks a line. */
  private static String collapse(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (String line : raw.split(String.valueOf(BREAK), -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(WHITESPACE.matcher(line).replaceAll(" ").strip());
    }
    return out.toString();
  }
}
