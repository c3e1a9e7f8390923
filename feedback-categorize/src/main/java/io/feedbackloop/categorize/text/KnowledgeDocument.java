package io.feedbackloop.categorize.text;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The taxonomy and lexicons the categorizer works from, as ops edit them through the API. Terms
 * are words or phrases per language ({@code en}, {@code ru}, or {@code any} for emoji); a word
 * ending in {@code *} matches every word whose stem starts with it ("опозд*" matches «опоздал»,
 * «опоздание»), since Russian stems of one lemma can differ.
 *
 * @param themes   the theme tree: groups (delivery) with leaves (late); theme ids are paths "delivery/late"
 * @param lexicons word lists by name: see {@link Lexicons#NAMES}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnowledgeDocument(List<Theme> themes, Map<String, Map<String, List<String>>> lexicons) {

    /**
     * @param id       this node's id within its parent (lower-case letters, digits, '-')
     * @param label    display names by language
     * @param terms    words and phrases by language that point to this theme
     * @param children more specific themes
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Theme(String id, Map<String, String> label, Map<String, List<String>> terms, List<Theme> children) {

        public List<Theme> childrenOrEmpty() {
            return children == null ? List.of() : children;
        }

        public Map<String, List<String>> termsOrEmpty() {
            return terms == null ? Map.of() : terms;
        }
    }
}
