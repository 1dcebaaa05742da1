package app.essayqa.error;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * Why a file operation failed, in words. Java's file exceptions often carry only the path as their
 * message ({@code AccessDeniedException: /a/b}), which turned errors into "cannot read X: X".
 */
public final class IoReason {
  private IoReason() {}

  /** The cause, e.g. "permission denied", "no such file or folder", "is a folder". */
  public static String of(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "folder not empty";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic links form a loop";
    }
    if (e instanceof NotLinkException) {
      return "not a symbolic link";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof FileSystemException fs) {
      // Its message is the path and the reason, and the caller names the path already.
      return fs.getReason() == null ? e.getClass().getSimpleName() : lowerFirst(fs.getReason());
    }
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : lowerFirst(message);
  }

  /** "Is a directory" → "is a directory", as the reason follows a colon mid-sentence. */
  private static String lowerFirst(String reason) {
    return reason.isEmpty() || reason.length() > 1 && Character.isUpperCase(reason.charAt(1))
        ? reason
        : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }
}
