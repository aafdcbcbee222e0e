package vn.sohoa.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key fields of the corpus papers ({@code fields-ground-truth.json}, see the README beside it), and the
 * field-level precision and recall of what a reader found against them.
 */
public final class FieldTruth {

    /** One paper: its corpus pages, kind and fields (each field's values). */
    public record Paper(String paper, List<String> pages, String type, Map<String, Set<String>> fields) {
    }

    /** Counts for one field over the papers: values found right, found wrong, and expected but missed. */
    public static final class Score {
        public int right;
        public int wrong;
        public int missed;

        public double precision() {
            return right + wrong == 0 ? 1.0 : (double) right / (right + wrong);
        }

        public double recall() {
            return right + missed == 0 ? 1.0 : (double) right / (right + missed);
        }
    }

    private FieldTruth() {
    }

    public static List<Paper> papers() {
        try (InputStream in = FieldTruth.class.getResourceAsStream("fields-ground-truth.json")) {
            List<Paper> papers = new ArrayList<>();
            for (JsonNode node : JsonMapper.builder().build().readTree(in)) {
                List<String> pages = new ArrayList<>();
                node.get("pages").forEach(page -> pages.add(page.asString()));
                Map<String, Set<String>> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.get("fields").properties()) {
                    Set<String> values = new TreeSet<>();
                    field.getValue().forEach(value -> values.add(normal(value.asString())));
                    fields.put(field.getKey(), values);
                }
                papers.add(new Paper(node.get("paper").asString(), pages, node.get("type").asString(), fields));
            }
            return papers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds to {@code scores} (by field) what was {@code found} (field → values) on {@code paper}. */
    public static void score(Paper paper, Map<String, Set<String>> found, Map<String, Score> scores) {
        Set<String> names = new TreeSet<>(paper.fields().keySet());
        names.addAll(found.keySet());
        for (String name : names) {
            Set<String> expected = paper.fields().getOrDefault(name, Set.of());
            Set<String> got = new TreeSet<>();
            found.getOrDefault(name, Set.of()).forEach(value -> got.add(normal(value)));
            Score score = scores.computeIfAbsent(name, k -> new Score());
            for (String value : got) {
                if (expected.contains(value)) {
                    score.right++;
                } else {
                    score.wrong++;
                }
            }
            for (String value : expected) {
                if (!got.contains(value)) {
                    score.missed++;
                }
            }
        }
    }

    /** NFC, lower case, single spaces: names and bodies compare as a reader would. */
    public static String normal(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .strip();
    }
}
