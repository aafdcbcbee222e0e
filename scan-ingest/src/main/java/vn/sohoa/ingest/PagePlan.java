package vn.sohoa.ingest;

import java.util.ArrayList;
import java.util.List;

import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.image.RightAngle;

/**
 * Which pages of the uploaded files make up a document, in which order and turned how: what a clerk decides when
 * arranging a scan before submitting it, or when rescanning one page. The raw files are never changed; the plan is
 * applied each time pages are decoded. No plan means every page of every file, in upload order, as scanned.
 *
 * @param pages the document's pages, first to last
 */
public record PagePlan(List<Page> pages) {

    /**
     * One page of the document.
     *
     * @param file          0-based index of the uploaded file, in upload order
     * @param pageInFile    0-based page within that file
     * @param clockwiseDegrees 0, 90, 180 or 270
     */
    public record Page(int file, int pageInFile, int clockwiseDegrees) {
        public Page {
            if (file < 0 || pageInFile < 0) {
                throw new IllegalArgumentException("negative file or page index");
            }
            clockwiseDegrees = RightAngle.normalize(clockwiseDegrees);
        }
    }

    public PagePlan {
        pages = List.copyOf(pages);
    }

    /** The plan stored as text: {@code file:page:degrees} entries separated by commas; null or blank is no plan. */
    public static PagePlan parse(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        List<Page> pages = new ArrayList<>();
        for (String entry : encoded.split(",")) {
            String[] parts = entry.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("page plan entry is not file:page:degrees: " + entry);
            }
            pages.add(new Page(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        }
        return new PagePlan(pages);
    }

    public String encoded() {
        StringBuilder text = new StringBuilder();
        for (Page page : pages) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(page.file()).append(':').append(page.pageInFile()).append(':').append(page.clockwiseDegrees());
        }
        return text.toString();
    }

    /** A choice of the current pages, by their 1-based numbers, each turned further by the given degrees. */
    public record Choice(int page, int rotate) {
    }

    /**
     * The plan after the clerk's arrangement: {@code choices} lists current page numbers in their new order, each
     * with a further turn; pages not listed are dropped.
     *
     * @throws InvalidInputException when a number is out of range or repeated, a turn is not a right angle, or
     *                               nothing is left
     */
    public PagePlan arranged(List<Choice> choices) {
        if (choices == null || choices.isEmpty()) {
            throw new InvalidInputException("pages", "keep at least one page", "cần giữ lại ít nhất một trang");
        }
        List<Page> arranged = new ArrayList<>();
        boolean[] used = new boolean[pages.size()];
        for (Choice choice : choices) {
            if (choice.page() < 1 || choice.page() > pages.size()) {
                throw new InvalidInputException("pages", "page " + choice.page() + " does not exist; the document has "
                        + pages.size() + " page(s)", "không có trang " + choice.page() + " (tài liệu có "
                        + pages.size() + " trang)");
            }
            if (used[choice.page() - 1]) {
                throw new InvalidInputException("pages", "page " + choice.page() + " is listed twice",
                        "trang " + choice.page() + " bị liệt kê hai lần");
            }
            if (choice.rotate() % 90 != 0) {
                throw new InvalidInputException("pages", "rotate must be a multiple of 90 degrees, got "
                        + choice.rotate(), "chỉ xoay được theo bội của 90 độ");
            }
            used[choice.page() - 1] = true;
            Page current = pages.get(choice.page() - 1);
            arranged.add(new Page(current.file(), current.pageInFile(), current.clockwiseDegrees() + choice.rotate()));
        }
        return new PagePlan(arranged);
    }

    /** The plan with page {@code number} (1-based) replaced by every page of a newly uploaded file. */
    public PagePlan withPageReplaced(int number, int newFile, int newFilePages) {
        if (number < 1 || number > pages.size()) {
            throw new InvalidInputException("page", "page " + number + " does not exist; the document has "
                    + pages.size() + " page(s)", "không có trang " + number);
        }
        List<Page> replaced = new ArrayList<>(pages.subList(0, number - 1));
        for (int i = 0; i < newFilePages; i++) {
            replaced.add(new Page(newFile, i, 0));
        }
        replaced.addAll(pages.subList(number, pages.size()));
        return new PagePlan(replaced);
    }
}
