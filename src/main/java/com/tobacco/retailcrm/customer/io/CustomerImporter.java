package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.TooManyRequestsException;
import com.tobacco.retailcrm.shared.infrastructure.ClusterLocks;
import com.tobacco.retailcrm.shared.web.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * 批量导入 — imports a customer file (xlsx or CSV) into the archive. The file is read twice, streaming both
 * times: first to check the header and count the data rows, then to apply them in chunks. A file of up to
 * {@code crm.customer.import.sync-max-rows} rows is imported during the request and its result returned; a larger
 * one runs in the background and the import record shows its progress. Every change is written with the source
 * {@code IMPORT:<id>}; each row is all-or-nothing. One import runs at a time across every instance of the
 * application (a cluster lock held from its start to its end): another started meanwhile is refused (409), so two
 * files touching the same customers never race.
 */
@Service
class CustomerImporter {

    private static final Logger log = LoggerFactory.getLogger(CustomerImporter.class);
    static final String LOCK = "customer-import";
    /** Chunks being written at once, each on its own connection: two, for the two cores the database can use. */
    static final int CHUNKS_IN_FLIGHT = 2;

    private final ImportFieldCatalog catalog;
    private final ImportRecords records;
    private final ChunkWriter writer;
    private final OrgDirectory org;
    private final Messages messages;
    private final ImportExecutor executor;
    private final ClusterLocks locks;
    private final int syncMaxRows;
    /**
     * Rows per chunk, each chunk one transaction: 2,000 against 500 cut the cold benchmark import from about 7.4 to
     * 6.5 s (fewer statements, commits and statement triggers); 5,000 was slower again (the heap's collections).
     */
    private final int chunkSize;
    /** Shared by chunks written beside each other, exclusive for those written alone (see {@link #write}). */
    private final ReadWriteLock alone = new ReentrantReadWriteLock();

    CustomerImporter(ImportFieldCatalog catalog, ImportRecords records, ChunkWriter writer, OrgDirectory org,
                     Messages messages, ImportExecutor executor, ClusterLocks locks,
                     @Value("${crm.customer.import.sync-max-rows:2000}") int syncMaxRows,
                     @Value("${crm.customer.import.chunk-size:2000}") int chunkSize) {
        this.chunkSize = chunkSize;
        this.locks = locks;
        this.catalog = catalog;
        this.records = records;
        this.writer = writer;
        this.org = org;
        this.messages = messages;
        this.executor = executor;
        this.syncMaxRows = syncMaxRows;
    }

    /**
     * After a restart, imports that were running will never finish: mark them failed instead of running forever. Only
     * when no instance holds the import lock: an import running on another instance is alive.
     */
    @EventListener(ApplicationReadyEvent.class)
    void abandonInterrupted() {
        locks.tryHold(LOCK).ifPresent(held -> {
            try (held) {
                abandonDead();
            }
        });
    }

    /** Marks RUNNING imports failed; called only while holding the lock, when none of them can still be running. */
    private void abandonDead() {
        int n = records.abandonRunning(messages.text(Locale.SIMPLIFIED_CHINESE, "customer.import.error.interrupted"));
        if (n > 0) {
            log.warn("{} customer import(s) were interrupted by a restart and are marked failed", n);
        }
    }

    /**
     * Imports the file (which this method owns and deletes when done).
     *
     * @return the finished record, or for a large file the running one
     */
    ImportView importFile(Path file, String fileName, String user, Locale locale) {
        boolean handedOver = false;
        try {
            SpreadsheetFormat format = checkFormat(file);
            List<ImportField> fields = catalog.fields();
            int total = countRows(file, fields);
            ClusterLocks.Held lock = locks.tryHold(LOCK).orElseThrow(this::alreadyRunning);
            boolean lockHandedOver = false;
            try {
                abandonDead();
                long id = records.start(fileName, format, total, user);
                Runnable job = () -> run(id, file, fields, locale);
                if (total <= syncMaxRows) {
                    job.run();
                    handedOver = true;
                } else {
                    try {
                        executor.execute(new DelegatingSecurityContextRunnable(() -> {
                            LocaleContextHolder.setLocale(locale);
                            try (lock) {
                                job.run();
                            } finally {
                                LocaleContextHolder.resetLocaleContext();
                            }
                        }));
                        handedOver = true;
                        lockHandedOver = true;
                    } catch (RejectedExecutionException e) {
                        records.fail(id, messages.text(locale, "customer.import.error.busy"));
                        throw new TooManyRequestsException("{customer.import.error.busy}");
                    }
                }
                return records.find(id).orElseThrow();
            } finally {
                if (!lockHandedOver) {
                    lock.close();
                }
            }
        } finally {
            if (!handedOver) {
                deleteQuietly(file);
            }
        }
    }

    /** The refusal of an import started while another runs, naming the running one's file and start. */
    private ConflictException alreadyRunning() {
        return records.running()
                .map(r -> new ConflictException("file", "customer.import.error.running", r.fileName(),
                        r.createdAt().toLocalTime().withNano(0).toString()))
                .orElseGet(() -> new ConflictException("file", "customer.import.error.runningElsewhere"));
    }

    /** Refuses an empty file or an old binary .xls, else tells the format by content. */
    static SpreadsheetFormat checkFormat(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new InvalidInputException("file", "{customer.import.error.empty}");
            }
            if (SpreadsheetFormat.isLegacyExcel(file)) {
                throw new InvalidInputException("file", "{customer.import.error.legacyXls}");
            }
            return SpreadsheetFormat.sniff(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the header and counts the non-blank data rows (the header is the first non-blank row). */
    private static int countRows(Path file, List<ImportField> fields) {
        try (SheetReader reader = SheetReader.open(file)) {
            SheetRow header = firstNonBlank(reader);
            if (header == null) {
                throw new InvalidInputException("file", "{customer.import.error.noData}");
            }
            ImportHeader.resolve(header, fields);
            int count = 0;
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                if (!row.isBlank()) {
                    count++;
                }
            }
            if (count == 0) {
                throw new InvalidInputException("file", "{customer.import.error.noData}");
            }
            return count;
        } catch (MalformedSheetException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("file", "{customer.import.error.unreadable}");
        }
    }

    private static SheetRow firstNonBlank(SheetReader reader) throws IOException {
        for (SheetRow row = reader.next(); row != null; row = reader.next()) {
            if (!row.isBlank()) {
                return row;
            }
        }
        return null;
    }

    private void run(long id, Path file, List<ImportField> fieldList, Locale locale) {
        ChangeSource source = ChangeSource.importBatch(id);
        Map<String, ImportField> fields = fieldList.stream()
                .collect(Collectors.toMap(ImportField::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> counties = countyCodes();
        AtomicInteger writers = new AtomicInteger();
        ExecutorService writing = Executors.newFixedThreadPool(CHUNKS_IN_FLIGHT, r -> {
            // named apart from the importing thread within the 15 characters the OS keeps of a thread's name
            Thread t = new Thread(r, "import-writer-" + id + "-" + writers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<?>> writingChunks = new ArrayDeque<>();
        try (SheetReader reader = SheetReader.open(file)) {
            ImportHeader header = ImportHeader.resolve(firstNonBlank(reader), fieldList);
            List<ImportRow> chunk = new ArrayList<>(chunkSize);
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                if (row.isBlank()) {
                    continue;
                }
                chunk.add(canonical(row, header, counties));
                if (chunk.size() == chunkSize) {
                    handOver(writing, writingChunks, writer.prepare(chunk, fields, source), id, locale);
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                handOver(writing, writingChunks, writer.prepare(chunk, fields, source), id, locale);
            }
            while (!writingChunks.isEmpty()) {
                awaitWritten(writingChunks.removeFirst());
            }
            records.finish(id);
        } catch (MalformedSheetException | IOException e) {
            writingChunks.forEach(CustomerImporter::awaitQuietly);
            records.fail(id, messages.text(locale, e instanceof MalformedSheetException ? e.getMessage()
                    : "customer.import.error.unreadable"));
        } catch (RuntimeException e) {
            writingChunks.forEach(CustomerImporter::awaitQuietly);
            log.error("customer import {} failed", id, e);
            records.fail(id, messages.text(locale, "customer.import.error.database"));
        } finally {
            writing.shutdownNow();
            deleteQuietly(file);
        }
    }

    /**
     * Has a writer thread write this chunk, each chunk in a transaction of its own, while the importing thread reads,
     * checks and renders the next (Java's work) and, with two chunks in flight, the database takes two at once
     * (the database's work, the larger half): on two cores most of the import's time is spent on both. A code
     * given in two chunks written at once is not lost: the later chunk waits on the earlier one's unique index
     * entry, is refused, and is written again in parts (see {@link ChunkWriter#writeInParts}), the second row then
     * updating the customer the first created. The tallies go to the import record in file order. The writers act as the importing
     * user, in the import's language.
     */
    private void handOver(ExecutorService writing, Deque<Future<?>> inFlight, ChunkWriter.PreparedChunk chunk,
                          long id, Locale locale) {
        if (inFlight.size() == CHUNKS_IN_FLIGHT) {
            awaitWritten(inFlight.removeFirst());
        }
        Future<?> previous = inFlight.isEmpty() ? CompletableFuture.completedFuture(null) : inFlight.getLast();
        inFlight.addLast(writing.submit(new DelegatingSecurityContextRunnable(() -> {
            LocaleContextHolder.setLocale(locale);
            try {
                List<RowResult> results = write(chunk, locale);
                awaitQuietly(previous);
                records.progress(id, tally(results, locale));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        })));
    }

    /**
     * Writes a chunk beside the other writer, or alone when it must be (see
     * {@link ChunkWriter.PreparedChunk#writtenAlone}, and in parts after a refusal, whose rows could otherwise be
     * refused for a deadlock with the other writer rather than for themselves).
     */
    private List<RowResult> write(ChunkWriter.PreparedChunk chunk, Locale locale) {
        Lock lock = chunk.writtenAlone() ? alone.writeLock() : alone.readLock();
        RuntimeException refusal;
        lock.lock();
        try {
            return writer.writeWhole(chunk);
        } catch (RuntimeException e) {
            refusal = e;
        } finally {
            lock.unlock();
        }
        alone.writeLock().lock();
        try {
            return writer.writeInParts(chunk, refusal, locale);
        } finally {
            alone.writeLock().unlock();
        }
    }

    /** Waits for a chunk's write; its failure is thrown here, on the importing thread. */
    private static void awaitWritten(Future<?> written) {
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("customer import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lets a chunk being written finish before the import is marked failed, so the record's counts stay whole. */
    private static void awaitQuietly(Future<?> written) {
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.debug("the chunk being written when the import failed failed too", e.getCause());
        }
    }

    /** A county may be given by its org-unit code or its name; the archive takes the code. */
    private Map<String, String> countyCodes() {
        Map<String, String> byName = new HashMap<>();
        for (OrgUnitRef unit : org.all()) {
            if (unit.type() == OrgUnitType.COUNTY) {
                byName.putIfAbsent(unit.name(), unit.code());
            }
        }
        return byName;
    }

    private static ImportRow canonical(SheetRow row, ImportHeader header, Map<String, String> counties) {
        // sized for every column at once: a full-width row would otherwise grow its map three times
        Map<String, String> values = new LinkedHashMap<>(header.columns().size() * 4 / 3 + 1);
        for (var column : header.columns().entrySet()) {
            ImportField field = column.getValue();
            String value = CellParser.canonical(field, row.cell(column.getKey()));
            if (field.key().equals(ImportField.COUNTY_CODE) && value != null) {
                value = counties.getOrDefault(value, value);
            }
            values.put(field.key(), value);
        }
        return new ImportRow(row.number(), values);
    }

    private ImportTally tally(List<RowResult> results, Locale locale) {
        ImportTally tally = new ImportTally();
        for (RowResult r : results) {
            tally.add(r.outcome());
            for (FieldProblem p : r.problems()) {
                tally.error(new ImportError(r.row(), p.field(), messages.text(locale, p.message())));
            }
        }
        return tally;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the uploaded file {}", file, e);
        }
    }
}
