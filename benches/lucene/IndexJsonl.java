// Lucene's IndonesianAnalyzer baseline for issue #12: index the `id`, `title` and `body` of a
// JSON Lines corpus (the same file `examples/bench_e2e --corpus` reads) with Lucene's
// IndonesianAnalyzer (standard tokenizer, lower case, Indonesian stopwords, Indonesian stemmer),
// body stored, with as many indexing threads as given, and print the figures as one JSON line.
//
// Run with benches/lucene/run.sh (Debian's liblucene4.10-java: the Lucene a fresh machine can
// install from the package registry).
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public class IndexJsonl {
    /** The string value of `"key": "..."` in one JSON object line, unescaped; null if absent. */
    static String field(String line, String key) {
        String pat = "\"" + key + "\"";
        int at = 0;
        while (true) {
            int k = line.indexOf(pat, at);
            if (k < 0) return null;
            int i = k + pat.length();
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= line.length() || line.charAt(i) != ':') { at = k + 1; continue; }
            i++;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= line.length() || line.charAt(i) != '"') return null;
            StringBuilder sb = new StringBuilder();
            for (i++; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                char e = line.charAt(++i);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'r': sb.append('\r'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'u': sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16)); i += 4; break;
                    default: sb.append(e);
                }
            }
            return sb.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IndexJsonl CORPUS.jsonl INDEX_DIR [THREADS]");
            System.exit(2);
        }
        File corpus = new File(args[0]);
        File dir = new File(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        IndexWriterConfig cfg = new IndexWriterConfig(Version.LUCENE_4_10_4, new IndonesianAnalyzer(Version.LUCENE_4_10_4));
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        cfg.setRAMBufferSizeMB(256);
        final IndexWriter w = new IndexWriter(FSDirectory.open(dir), cfg);
        final BlockingQueue<String> q = new ArrayBlockingQueue<>(4096);
        final String END = new String("");
        List<Thread> workers = new ArrayList<>();
        final long[] docs = new long[threads];
        for (int t = 0; t < threads; t++) {
            final int me = t;
            Thread th = new Thread(() -> {
                try {
                    while (true) {
                        String line = q.take();
                        if (line == END) return;
                        Document d = new Document();
                        String id = field(line, "id");
                        String title = field(line, "title");
                        String body = field(line, "body");
                        d.add(new StringField("id", id == null ? "" : id, Field.Store.YES));
                        if (title != null) d.add(new TextField("title", title, Field.Store.YES));
                        if (body != null) d.add(new TextField("body", body, Field.Store.YES));
                        w.addDocument(d);
                        docs[me]++;
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            th.start();
            workers.add(th);
        }
        long bytes = corpus.length();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(corpus), StandardCharsets.UTF_8), 1 << 20)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) q.put(line);
            }
        }
        for (int t = 0; t < threads; t++) q.put(END);
        for (Thread th : workers) th.join();
        w.commit();
        w.close();
        double secs = (System.nanoTime() - start) / 1e9;
        long n = 0;
        for (long d : docs) n += d;
        System.out.printf("{\"engine\": \"lucene-%s IndonesianAnalyzer\", \"threads\": %d, \"docs\": %d, \"seconds\": %.2f, \"docs_per_s\": %.0f, \"mb_per_s\": %.2f}%n",
            "4.10.4", threads, n, secs, n / secs, bytes / 1e6 / secs);
    }
}
