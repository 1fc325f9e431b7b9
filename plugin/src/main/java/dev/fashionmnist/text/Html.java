package dev.fashionmnist.text;

/**
 * Text in HTML: the one escaping of the plugin's pages ({@code report.html}, the site's page), so that a class name,
 * a parameter value or a problem's message shows as written and never as markup.
 */
public final class Html {
    private Html() {
    }

    /**
     * {@code text} as HTML text or the value of a double-quoted attribute: {@code &}, {@code <}, {@code >} and
     * {@code "} as character references, everything else as it is.
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
