package org.drlp.compare.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.drlp.compare.Comparison;
import org.drlp.compare.ConfigurationSummary;
import org.drlp.compare.Measure;
import org.drlp.compare.SolvedRule;

/**
 * report.html: one page, no external resources (the plots are the SVG files beside it, by relative
 * link): what was compared, the definitions, the profiles, the table, and each folder's spec.
 * Written as polyglot markup (every element closed), so that XML tools read it too.
 */
final class ReportPage {

    static final String FILE = "report.html";

    private ReportPage() {
    }

    static Path write(List<ResultsFolder> folders, Comparison comparison, List<ConfigurationSummary> rows,
                      List<Measure> measures, String experiments, Path directory) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(experiments)).append(": comparison</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:72em;margin:1em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;font-size:90%}th,td{border:1px solid #bbb;padding:2px 6px}\n")
                .append("td{text-align:right}td:first-child{text-align:left}pre{background:#f4f4f4;padding:.5em;")
                .append("overflow:auto;font-size:85%}img{max-width:100%}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(experiments)).append(": comparison of ")
                .append(comparison.configurations().size()).append(" configurations on ")
                .append(comparison.problems().size()).append(" problems</h1>\n<ul>\n");
        for (ResultsFolder folder : folders) {
            html.append("<li><code>").append(escape(folder.folder().toString())).append("</code>: experiment <b>")
                    .append(escape(folder.name())).append("</b>, ").append(folder.runs().size()).append(" runs")
                    .append(folder.started().isEmpty() ? "" : ", started " + escape(folder.started())).append("</li>\n");
        }
        html.append("</ul>\n");
        definitions(html, comparison.rule(), measures);
        for (Measure measure : measures) {
            String base = "profile-" + measure.name();
            html.append("<h2>Performance profile: ").append(measure.name()).append("</h2>\n<p><img src=\"")
                    .append(base).append(".svg\" alt=\"performance profile of ").append(measure.name())
                    .append("\"/></p>\n<p>Data: <a href=\"").append(base).append(".csv\">").append(base)
                    .append(".csv</a>; also <a href=\"").append(base).append(".png\">PNG</a>.</p>\n");
        }
        html.append("<h2>Shifted geometric means and counts</h2>\n<table>\n<tr>");
        for (String column : TableFiles.tableHeader(measures)) html.append("<th>").append(escape(column)).append("</th>");
        html.append("</tr>\n");
        for (List<String> row : TableFiles.tableRows(rows, measures)) {
            html.append("<tr>");
            for (String cell : row) html.append("<td>").append(escape(cell)).append("</td>");
            html.append("</tr>\n");
        }
        html.append("</table>\n<p>The same as <a href=\"").append(TableFiles.TABLE).append("\">").append(TableFiles.TABLE)
                .append("</a>; every problem and configuration, with the median, least and greatest cost over repeats, in ")
                .append("<a href=\"").append(TableFiles.CELLS).append("\">").append(TableFiles.CELLS).append("</a>.</p>\n");
        html.append("<h2>Specs</h2>\n");
        for (ResultsFolder folder : folders) {
            html.append("<h3>").append(escape(folder.name())).append(" (<code>").append(escape(folder.folder().toString()))
                    .append("</code>)</h3>\n<pre>")
                    .append(escape(folder.spec() == null ? "(the folder has no spec snapshot)" : folder.spec()))
                    .append("</pre>\n");
        }
        html.append("</body>\n</html>\n");
        Path file = directory.resolve(FILE);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static void definitions(StringBuilder html, SolvedRule rule, List<Measure> measures) {
        html.append("<p>A run <b>solves</b> its problem when it ends certified (OPTIMAL or LOCAL_MINIMUM) with an ")
                .append("objective within ").append(Numbers.format(rule.relative())).append(" &#215; |best| + ")
                .append(Numbers.format(rule.absolute())).append(" of the best objective any run reached on that ")
                .append("problem; a certified run above that is a <b>wrong answer</b>, any other a <b>failure</b>. ")
                .append("The repeats of a configuration on a problem count by their median, an unsolved repeat as ")
                .append("infinite (so a problem is solved when more than half the repeats solved it). The ")
                .append("<b>ratio</b> of a configuration on a problem is its cost over the least cost of any ")
                .append("configuration there (infinite when unsolved); rho(tau) is the share of problems with ratio ")
                .append("at most tau. Costs below ");
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            html.append(i == 0 ? "" : ", ").append(Numbers.format(m.floor())).append(' ').append(escape(m.unit()));
        }
        html.append(" count as that much. The <b>shifted geometric mean</b> is exp(mean ln(v + s)) - s with shift s = ");
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            html.append(i == 0 ? "" : ", ").append(Numbers.format(m.shift())).append(' ').append(escape(m.unit()));
        }
        html.append(", over the problems that every configuration that solved any problem solved (so that the ")
                .append("means are over the same problems); _min and _max take each problem's cheapest and ")
                .append("costliest repeat instead of the median.</p>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
