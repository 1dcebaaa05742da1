package app.essayqa.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A Markdown file, read with commonmark-java: headings become sections, paragraphs, list items and
 * block quotes paragraphs, links their text. Code blocks, raw HTML, images and YAML front matter
 * are not prose and are left out; a front matter {@code title:} names a document that does not open
 * with a heading.
 */
final class MarkdownReader implements DocumentReader {
  /** YAML front matter: a first line {@code ---}, up to a line {@code ---} or {@code ...}. */
  private static final Pattern FRONT_MATTER =
      Pattern.compile(
          "\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)\\r?\\n(---|\\.\\.\\.)[ \\t]*(\\r?\\n|\\z)",
          Pattern.DOTALL);

  private static final Pattern TITLE_KEY =
      Pattern.compile("(?m)^title:[ \\t]*[\"']?(.*?)[\"']?[ \\t]*$");

  private static final Parser PARSER = Parser.builder().build();

  @Override
  public Extracted read(byte[] bytes) throws UnreadableFile {
    String source = PlainTextReader.utf8(bytes);
    Optional<String> frontTitle = Optional.empty();
    Matcher front = FRONT_MATTER.matcher(source);
    if (front.find()) {
      Matcher title = TITLE_KEY.matcher(front.group(1));
      if (title.find() && !title.group(1).isBlank()) {
        frontTitle = Optional.of(title.group(1));
      }
      source = source.substring(front.end());
    }
    Node document = PARSER.parse(source);
    BlockText out = new BlockText();
    if (frontTitle.isPresent() && !(document.getFirstChild() instanceof Heading)) {
      out.heading(frontTitle.get());
    }
    blocks(document, out);
    return Extracted.unpaged(out.toString());
  }

  private static void blocks(Node parent, BlockText out) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading) {
        out.heading(inline(node));
      } else if (node instanceof Paragraph) {
        out.paragraph(inline(node));
      } else if (node instanceof BlockQuote
          || node instanceof BulletList
          || node instanceof OrderedList
          || node instanceof ListItem
          || node instanceof CustomBlock) {
        blocks(node, out);
      }
      // Code blocks, HTML blocks and thematic breaks are not prose: never cited.
    }
  }

  private static String inline(Node parent) {
    StringBuilder text = new StringBuilder();
    inline(parent, text);
    return text.toString();
  }

  private static void inline(Node parent, StringBuilder text) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text t) {
        text.append(t.getLiteral());
      } else if (node instanceof Code c) {
        text.append(c.getLiteral());
      } else if (node instanceof SoftLineBreak) {
        text.append(' ');
      } else if (node instanceof HardLineBreak) {
        text.append('\n');
      } else if (!(node instanceof Image)) {
        // Emphasis, links and the like: their text; inline HTML has no children and drops out.
        inline(node, text);
      }
    }
  }
}
