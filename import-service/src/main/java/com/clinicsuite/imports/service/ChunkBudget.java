package com.clinicsuite.imports.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Fills event chunks up to a number of items or a JSON size, whichever comes first, so no chunk outgrows what the
 * broker accepts however long its items' texts are (every text is bounded, so one item always fits). Sizes are
 * measured with the mapper the outbox writes events with, exactly: an item costs its JSON and a separating comma.
 * Not thread-safe: one chunker fills it.
 */
public final class ChunkBudget {

    private final ObjectMapper mapper;
    private final int maxItems;
    private final long maxBytes;
    private long bytes;
    private int items;

    public ChunkBudget(ObjectMapper mapper, int maxItems, long maxBytes) {
        this.mapper = mapper;
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
    }

    /** Starts a new chunk; {@code emptyChunk} is the chunk with its header fields and no items. */
    public void start(Object emptyChunk) {
        bytes = jsonBytes(emptyChunk);
        items = 0;
    }

    /**
     * Counts {@code item} into the current chunk if it fits; false when the chunk is full and the item belongs in the
     * next one. An empty chunk takes any item.
     */
    public boolean add(Object item) {
        long size = jsonBytes(item) + 1;
        if (items > 0 && (items >= maxItems || bytes + size > maxBytes)) {
            return false;
        }
        bytes += size;
        items++;
        return true;
    }

    /** The size of {@code value} as JSON, in bytes (UTF-8). */
    public long jsonBytes(Object value) {
        ByteCounter counter = new ByteCounter();
        try {
            mapper.writeValue(counter, value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not serialisable: " + value.getClass().getName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    private static final class ByteCounter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
