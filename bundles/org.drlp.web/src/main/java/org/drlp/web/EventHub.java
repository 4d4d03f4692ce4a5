package org.drlp.web;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to every connected page: each client has its own queue, drained by the
 * request thread that holds its connection open. A client that stops reading (its queue fills) is
 * dropped, so a stalled tab never holds back the others or the solver.
 */
final class EventHub {

    private static final int QUEUE_LIMIT = 10_000;
    private static final long KEEP_ALIVE_SECONDS = 15;
    private static final String CLOSE = "";

    private final Gson gson;
    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    EventHub(Gson gson) {
        this.gson = gson;
    }

    /** Sends {@code data} as JSON under the event name {@code event} to every page. */
    void publish(String event, Object data) {
        String frame = "event: " + event + "\ndata: " + gson.toJson(data) + "\n\n";
        for (BlockingQueue<String> queue : clients) {
            if (!queue.offer(frame) || queue.size() > QUEUE_LIMIT) {
                clients.remove(queue);
                queue.clear();
                queue.offer(CLOSE);
            }
        }
    }

    /** Holds the connection open and writes events until the client leaves or the server stops. */
    void serve(PrintWriter out, Runnable flush, String hello) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        try {
            out.write("retry: 1000\n" + hello);
            flush.run();
            while (!closed) {
                String frame = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(frame)) break;
                out.write(frame == null ? ": keep-alive\n\n" : frame);
                flush.run();
                if (out.checkError()) break; // the page has gone
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
        }
    }

    /** The named event as the first frame of a stream. */
    String frame(String event, Object data) {
        return "event: " + event + "\ndata: " + gson.toJson(data) + "\n\n";
    }

    int clients() {
        return clients.size();
    }

    void close() {
        closed = true;
        for (BlockingQueue<String> queue : clients) {
            queue.offer(CLOSE);
        }
    }
}
