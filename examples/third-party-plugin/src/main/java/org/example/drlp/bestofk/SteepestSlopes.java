package org.example.drlp.bestofk;

import java.util.Arrays;

import org.drlp.spi.EdgeView;

/** The k improving edges with the most negative slopes, in one pass: a bounded max-heap on the slope. */
final class SteepestSlopes {

    private SteepestSlopes() {
    }

    /** Edge indices, at most k, in no particular order; empty when no edge improves. */
    static int[] of(EdgeView edges, int k) {
        int[] heap = new int[Math.min(k, edges.size())];
        int size = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            if (size < heap.length) {
                heap[size] = e;
                siftUp(edges, heap, size++);
            } else if (heap.length > 0 && edges.slope(e) < edges.slope(heap[0])) {
                // steeper than the shallowest kept candidate: it takes that one's place
                heap[0] = e;
                siftDown(edges, heap, size);
            }
        }
        return Arrays.copyOf(heap, size);
    }

    /** Parent at least as shallow (greater slope) as its children: heap[0] is the shallowest kept. */
    private static void siftUp(EdgeView edges, int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (edges.slope(heap[parent]) >= edges.slope(heap[i])) return;
            swap(heap, parent, i);
            i = parent;
        }
    }

    private static void siftDown(EdgeView edges, int[] heap, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1, right = left + 1, largest = i;
            if (left < size && edges.slope(heap[left]) > edges.slope(heap[largest])) largest = left;
            if (right < size && edges.slope(heap[right]) > edges.slope(heap[largest])) largest = right;
            if (largest == i) return;
            swap(heap, i, largest);
            i = largest;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
