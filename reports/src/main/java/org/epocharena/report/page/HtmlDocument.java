package org.epocharena.report.page;

/**
 * The frame every page of the suite shares (the run's report, the results store's history): a page
 * that works offline under a content policy allowing nothing but its own inline CSS and images, and
 * the one way text is escaped into it.
 */
public final class HtmlDocument {
    /** Nothing is fetched: no scripts, no remote fonts; images only from the page's folder or inline. */
    public static final String CSP = "default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'";

    private HtmlDocument() {
    }

    /** Opens a page: head with the policy, the (escaped) title and {@code css}; ends inside the body. */
    public static StringBuilder open(String title, String css) {
        return new StringBuilder(64 * 1024)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>").append(css)
                .append("</style></head><body>\n");
    }

    /** Closes the page {@link #open} began and returns it. */
    public static String close(StringBuilder page) {
        return page.append("</body></html>\n").toString();
    }

    /** Text for an element or a double-quoted attribute; null is the empty string. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
