package app.essayqa.answer;

import java.util.OptionalDouble;

/**
 * How abstention saw one candidate passage: its features and, when a decision model is in use, its
 * calibrated score.
 *
 * @param passageId the passage's id in the index
 * @param about whether it is from a document the question is about, or holds the names it asks
 *     about: only such a passage may answer
 */
public record Judgement(
    int passageId, PassageFeatures features, boolean about, OptionalDouble score) {}
